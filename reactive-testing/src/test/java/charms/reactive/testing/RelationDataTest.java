package charms.reactive.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import charms.reactive.juju.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * relation-set's inputs (arguments, {@code --file -} with YAML or JSON, {@code --file <path>},
 * overrides, deletes) and the read-your-own-writes rule of relation-get, in-process and through
 * the executables.
 */
class RelationDataTest {
  @TempDir
  Path dir;

  @AfterAll
  static void stopServer() {
    ToolChannel.shutdown();
  }

  private static FakeHookTools unitTools() {
    return Scenes.Scene.UNIT.tools();
  }

  private static Map<String, String> ownBag(ToolChannel channel, FakeHookTools tools) {
    ToolResult r = channel.call(tools, "relation-get", "-r", "7", "--format=yaml", "-", "demo/0");
    assertEquals(0, r.exitCode(), r.stderr());
    return new org.yaml.snakeyaml.Yaml().load(r.stdout());
  }

  @ParameterizedTest
  @EnumSource(ToolChannel.class)
  void fileFromStdinIsAYamlMapAndArgumentsOverrideIt(ToolChannel channel) {
    FakeHookTools tools = unitTools();
    ToolResult r = channel.call(tools, "relation-set", List.of("-r", "db:7", "--file", "-",
        "b=from-arg"), "a: one\nb: from-file\nn: 5\nempty: ~\n", dir);
    assertEquals(0, r.exitCode(), r.stderr());
    Map<String, String> bag = ownBag(channel, tools);
    assertEquals("one", bag.get("a"));
    assertEquals("from-arg", bag.get("b"));
    assertEquals("5", bag.get("n"), "scalars keep their text");
    assertFalse(bag.containsKey("empty"), "a null value deletes");
    assertEquals("a: one\nb: from-file\nn: 5\nempty: ~\n", tools.calls().get(0).stdin(),
        "the stdin the tool read is recorded");
  }

  @ParameterizedTest
  @EnumSource(ToolChannel.class)
  void fileFromStdinMayBeJsonAndValuesKeepWhitespace(ToolChannel channel) {
    FakeHookTools tools = unitTools();
    ToolResult r = channel.call(tools, "relation-set", List.of("-r", "7", "--file", "-"),
        "{\"cert\": \"  line1\\nline2  \", \"ingress-address\": \"\"}", dir);
    assertEquals(0, r.exitCode(), r.stderr());
    Map<String, String> bag = ownBag(channel, tools);
    assertEquals("  line1\nline2  ", bag.get("cert"));
    assertFalse(bag.containsKey("ingress-address"), "an empty value deletes Juju's own key too");
  }

  @ParameterizedTest
  @EnumSource(ToolChannel.class)
  void fileByPathIsRelativeToTheCallersDirectory(ToolChannel channel) throws IOException {
    Files.writeString(dir.resolve("settings.yaml"), "host: 10.0.0.9\nport: '5432'\n");
    FakeHookTools tools = unitTools();
    ToolResult r = channel.call(tools, "relation-set", List.of("-r", "7", "--file",
        "settings.yaml", "extra=1"), null, dir);
    assertEquals(0, r.exitCode(), r.stderr());
    Map<String, String> bag = ownBag(channel, tools);
    assertEquals("10.0.0.9", bag.get("host"));
    assertEquals("5432", bag.get("port"));
    assertEquals("1", bag.get("extra"));
    assertNull(tools.calls().get(0).stdin(), "a tool that does not read stdin is not sent it");
  }

  @ParameterizedTest
  @EnumSource(ToolChannel.class)
  void ownUnitReadsIncludePendingWritesButRemoteReadsAreTheSnapshot(ToolChannel channel) {
    FakeHookTools tools = Scenes.Scene.DB_CHANGED.tools();
    channel.call(tools, "relation-set", "host=mine", "private-address=");
    assertEquals("mine\n", channel.call(tools, "relation-get", "host", "demo/0").stdout());
    assertEquals("", channel.call(tools, "relation-get", "private-address", "demo/0").stdout());
    assertEquals("db0\n", channel.call(tools, "relation-get", "host").stdout(),
        "the remote unit's bag is unchanged");
  }

  @ParameterizedTest
  @EnumSource(ToolChannel.class)
  void leaderReadsOwnAppBagWithPendingWrites(ToolChannel channel) {
    FakeHookTools tools = Scenes.Scene.LEADER.tools();
    assertEquals(0, channel.call(tools, "relation-set", "-r", "7", "--app", "schema=v2",
        "new=1").exitCode());
    assertEquals("{\"new\":\"1\",\"schema\":\"v2\"}\n", channel.call(tools, "relation-get",
        "-r", "7", "--app", "--format=json", "-", "demo").stdout());
  }

  @ParameterizedTest
  @EnumSource(ToolChannel.class)
  void shellMetacharactersInRelationDataStayData(ToolChannel channel) throws IOException {
    Path marker = dir.resolve("pwned");
    String hostile = "$(touch " + marker + "); `touch " + marker + "`; ' \" \\ *";
    FakeHookTools tools = unitTools();
    assertEquals(0, channel.call(tools, "relation-set", "-r", "7", "x=" + hostile).exitCode());
    assertEquals(hostile + "\n", channel.call(tools, "relation-get", "-r", "7", "x",
        "demo/0").stdout());
    assertFalse(Files.exists(marker), "nothing in the data was executed");
    JujuState after = tools.finish(true);
    assertEquals(hostile, after.requireRelation(7).localUnitData().get("x"));
  }
}
