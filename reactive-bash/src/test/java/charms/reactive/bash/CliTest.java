package charms.reactive.bash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.HookEnvironment;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.bash.internal.BashScripts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line outside a hook, and {@code reactive-main} run without a hook. */
class CliTest {
  @TempDir
  Path dir;

  Map<String, String> env() {
    return Map.of("CHARM_DIR", dir.toString());
  }

  List<String> flags() {
    return List.of(Cli.run(List.of("get_flags"), env()).stdout().split("\n"));
  }

  /** As in the original: a trigger registered outside a hook applies to later command lines. */
  @Test
  void aTriggerRegisteredOutsideAHookPersists() {
    assertEquals(0, Cli.run(List.of("register_trigger", "--when", "tw", "--set_flag", "tw-trig"), env()).exitCode());
    assertEquals(0, Cli.run(List.of("set_flag", "tw"), env()).exitCode());
    assertEquals(List.of("tw", "tw-trig"), flags());
  }

  /** ... and to the next hook, which forgets it when it commits (the original's atexit). */
  @Test
  void theNextHookAppliesAndForgetsIt() throws Exception {
    Cli.run(List.of("register_trigger", "--when_not", "tw", "--clear_flag", "tw-other"), env());
    Cli.run(List.of("set_flag", "tw"), env());
    Cli.run(List.of("set_flag", "tw-other"), env());
    Path file = dir.resolve("reactive/h.sh");
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", "#!/bin/bash", "source charms.reactive.sh",
        "@when 'tw'", "function f() { clear_flag tw; }", "reactive_handler_main", ""));
    file.toFile().setExecutable(true);
    Map<String, String> hookEnv = new HashMap<>(env());
    hookEnv.put("JUJU_HOOK_NAME", "update-status");
    hookEnv.put("PATH", "/usr/bin:/bin");
    HookRun run = ReactiveCharm.builder().use(ExternalHandlers.discover()).build()
        .execute(HookEnvironment.of(hookEnv));
    assertTrue(run.succeeded(), () -> String.valueOf(run.error()));
    assertFalse(run.flags().containsKey("tw-other"), "the saved trigger fired in the hook");
    Cli.run(List.of("set_flag", "tw"), env());
    Cli.run(List.of("set_flag", "tw-other"), env());
    Cli.run(List.of("clear_flag", "tw"), env());
    assertEquals(List.of("tw-other"), flags(), "the hook consumed the trigger");
  }

  /** The launcher and the JVM write UTF-8 whatever the locale, as the original did. */
  @Test
  void nonAsciiFlagNamesSurviveANonUtf8Locale() throws Exception {
    assertEquals("", run("set_flag", "\u00e4"));
    assertEquals("\u00e4", run("get_flags"));
    assertEquals("[\"\\u00e4\"]", run("-j", "get_flags"));
  }

  private String run(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(BashScripts.binDir().resolve("charms.reactive").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(Map.of("CHARM_DIR", dir.toString(), "PATH", "/usr/bin:/bin",
        "LANG", "C", "LC_ALL", "C",
        "JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "CHARMS_REACTIVE_CLASSPATH", System.getProperty("java.class.path")));
    builder.redirectErrorStream(true);
    Process p = builder.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertEquals(0, p.waitFor(), new String(out, StandardCharsets.UTF_8));
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void anArgumentTheLocaleMangledIsRefused() {
    String message = Cli.undecodable(new String[] {"set_flag", "\uFFFD\uFFFD"}, "ANSI_X3.4-1968")
        .orElseThrow().stderr();
    assertTrue(message.contains("argument 2 holds characters that the locale's charset "
        + "(ANSI_X3.4-1968) cannot carry"), message);
    assertTrue(Cli.undecodable(new String[] {"set_flag", "\u00e4"}, "UTF-8").isEmpty());
  }

  /** reactive-main run directly names no hook: the Java entry point's error, exit code 1. */
  @Test
  void reactiveMainWithoutHookVariablesIsANamedError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ReactiveMain.run(env(), "/opt/charm/lib/reactive/bin/reactive-main",
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(1, code);
    assertEquals("Hook error: cannot tell which hook is running: none of JUJU_DISPATCH_PATH, "
        + "JUJU_HOOK_NAME or the program name (system property charms.reactive.program) is set\n",
        err.toString(StandardCharsets.UTF_8));
    assertNull(ReactiveMain.hookProgram("reactive-main"));
    assertEquals("/charm/hooks/install", ReactiveMain.hookProgram("/charm/hooks/install"));
  }
}
