package charms.reactive.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.juju.ToolResult;
import charms.reactive.testing.internal.ToolExecutables;
import charms.reactive.testing.internal.ToolRegistry;
import charms.reactive.testing.internal.ToolServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executables and their server: Juju's client-side errors, the wire, and the lifecycle. */
class ExecutablesTest {
  @TempDir
  Path dir;

  private ToolServer server;
  private ToolExecutables executables;

  @BeforeEach
  void start() {
    server = ToolServer.start();
    executables = ToolExecutables.create();
  }

  @AfterEach
  void stop() {
    server.close();
    executables.close();
  }

  private ToolResult run(String tool, Map<String, String> env, String... args) {
    return ToolChannel.runProcess(executables.tool(tool), List.of(args), null, dir, env);
  }

  private Map<String, String> envFor(String contextId) {
    return Map.of("JUJU_CONTEXT_ID", contextId, "JUJU_AGENT_SOCKET_ADDRESS", server.address(),
        "JUJU_AGENT_SOCKET_NETWORK", "tcp");
  }

  @Test
  void aToolRunOutsideAHookSaysSo() {
    ToolResult r = run("is-leader", Map.of());
    assertEquals(1, r.exitCode());
    assertEquals("ERROR JUJU_CONTEXT_ID not set\n", r.stderr());
    assertEquals("", r.stdout());
  }

  @Test
  void anUnknownContextIsRejected() {
    ToolResult r = run("is-leader", envFor("demo/0-install-0000"));
    assertEquals(1, r.exitCode());
    assertEquals("ERROR bad request: wrong context ID\n", r.stderr());
  }

  @Test
  void aClosedServerIsAClearError() {
    String address = server.address();
    String id = server.register("demo/0", "install", Scenes.Scene.UNIT.tools());
    server.close();
    ToolResult r = run("is-leader", envFor(id));
    assertEquals(1, r.exitCode());
    assertEquals("ERROR cannot connect to the hook tool server at " + address + "\n", r.stderr());
  }

  @Test
  void onlyTcpIsSpoken() {
    ToolResult r = run("is-leader", Map.of("JUJU_CONTEXT_ID", "x", "JUJU_AGENT_SOCKET_ADDRESS",
        "/tmp/sock", "JUJU_AGENT_SOCKET_NETWORK", "unix"));
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().startsWith("ERROR JUJU_AGENT_SOCKET_NETWORK is \"unix\""), r.stderr());
  }

  @Test
  void theServerListensOnLoopbackOnly() {
    assertTrue(server.address().startsWith("127.0.0.1:"), server.address());
  }

  @Test
  void everyToolNameIsALinkToTheOneScript() throws IOException {
    for (String tool : ToolRegistry.executableNames()) {
      Path link = executables.tool(tool);
      assertTrue(Files.isSymbolicLink(link), tool);
      assertEquals(Path.of("jujuc"), Files.readSymbolicLink(link), tool);
    }
    assertTrue(Files.isExecutable(executables.tool("jujuc")));
  }

  @Test
  void outputOptionWritesTheFileInTheCallersDirectory() throws IOException {
    FakeHookTools tools = Scenes.Scene.UNIT.tools();
    ToolResult r = run("config-get", envFor(server.register("demo/0", "x", tools)),
        "--format=json", "-o", "out.json", "port");
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals("", r.stdout());
    assertEquals("9000\n", Files.readString(dir.resolve("out.json")));
  }

  @Test
  void aKnownButUnimplementedToolFailsLoudly() {
    ToolResult r = run("storage-get", envFor(server.register("demo/0", "x",
        Scenes.Scene.UNIT.tools())), "location");
    assertEquals(1, r.exitCode());
    assertEquals("ERROR " + ToolRegistry.notImplementedMessage("storage-get") + "\n", r.stderr());
  }

  @Test
  void stdinIsNotReadByToolsThatDoNotAskForIt() throws Exception {
    String id = server.register("demo/0", "x", Scenes.Scene.UNIT.tools());
    ProcessBuilder builder = new ProcessBuilder(executables.tool("is-leader").toString())
        .directory(dir.toFile());
    builder.environment().putAll(envFor(id));
    Process p = builder.start();
    // stdin stays open: a client that read it would never finish.
    boolean finished = p.waitFor(30, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly();
    }
    assertTrue(finished, "is-leader waited for stdin it does not need");
    assertEquals("False\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    p.getOutputStream().close();
  }

  @Test
  void largeValuesAndUnicodeSurviveTheWire() {
    FakeHookTools tools = Scenes.Scene.UNIT.tools();
    String big = "é€😀\t".repeat(20_000);
    byte[] yaml = ("big: \"" + big.replace("\t", "\\t") + "\"\n").getBytes(StandardCharsets.UTF_8);
    String id = server.register("demo/0", "x", tools);
    ToolResult set = ToolChannel.runProcess(executables.tool("relation-set"),
        List.of("-r", "7", "--file", "-"), yaml, dir, envFor(id));
    assertEquals(0, set.exitCode(), set.stderr());
    ToolResult get = run("relation-get", envFor(id), "-r", "7", "big", "demo/0");
    assertEquals(big + "\n", get.stdout());

    ToolResult tooBig = ToolChannel.runProcess(executables.tool("state-set"),
        List.of("--file", "-"), yaml, dir, envFor(id));
    assertEquals(1, tooBig.exitCode());
    assertEquals("ERROR charm state value for key \"big\" exceeds the maximum of 65536 bytes\n",
        tooBig.stderr());
  }
}
