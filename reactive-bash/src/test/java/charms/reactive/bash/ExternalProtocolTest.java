package charms.reactive.bash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.HookRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external-handler protocol and {@code charms.reactive.sh} as the original behaves, and the
 * decided differences: each test states the behaviour it pins.
 */
class ExternalProtocolTest {
  @TempDir
  Path dir;
  BashCharm charm;

  @BeforeEach
  void charm() {
    charm = new BashCharm(dir);
  }

  /** The original's ExternalHandler: exit 0 means invoke, whatever was printed (here nothing). */
  @Test
  void aTestThatExitsZeroAndPrintsNothingMeansInvoke() throws Exception {
    charm.handler("reactive/plain",
        "#!/bin/bash",
        "case \"$1\" in",
        "  --test) [[ -e \"$OUT.done\" ]] && exit 1; exit 0 ;;",
        "  --invoke) printf '%s' \"$#:$2\" > \"$OUT.arg\"; touch \"$OUT.done\" ;;",
        "esac");
    HookRun run = charm.hook("install");
    assertTrue(run.succeeded(), () -> String.valueOf(run.error()));
    assertEquals("2:", charm.file("arg"), "invoked once, with the empty output as its argument");
  }

  /** The original passes the bytes --test printed, trailing newline included. */
  @Test
  void invokeReceivesTheTestOutputByteForByte() throws Exception {
    charm.handler("reactive/plain",
        "#!/bin/bash",
        "case \"$1\" in",
        "  --test) [[ -e \"$OUT.done\" ]] && exit 1; printf 'a,b\\nsecond line\\n'; exit 0 ;;",
        "  --invoke) printf '%s' \"$2\" > \"$OUT.arg\"; touch \"$OUT.done\" ;;",
        "esac");
    HookRun run = charm.hook("install");
    assertTrue(run.succeeded(), () -> String.valueOf(run.error()));
    assertEquals("a,b\nsecond line\n", charm.file("arg"));
  }

  /** Output that cannot reach --invoke unchanged is an error naming the file, never mangled. */
  @Test
  void testOutputThatIsNotUtf8IsAnErrorNamingTheFile() throws Exception {
    charm.handler("reactive/latin1",
        "#!/bin/bash",
        "case \"$1\" in",
        "  --test) printf 'caf\\xe9\\n'; exit 0 ;;",
        "  --invoke) touch \"$OUT.invoked\" ;;",
        "esac");
    HookRun run = charm.hook("install");
    assertFalse(run.succeeded());
    String message = run.error().orElseThrow().getMessage();
    assertTrue(message.contains("external handler reactive/latin1 --test printed output that is not "
        + "UTF-8; it cannot be passed to --invoke unchanged"), message);
    assertNull(charm.file("invoked"));
  }

  private void countingFile(String relative, String function, String sets, String when) throws Exception {
    String name = relative.replaceAll("[^a-z0-9]", "_");
    charm.handler(relative,
        "#!/bin/bash",
        "[[ $1 == --test ]] && echo test >> \"$OUT.tests-" + name + "\"",
        "source charms.reactive.sh",
        "@when_not '" + when + "'",
        "function " + function + "() {",
        "  echo " + function + " >> \"$OUT\"",
        "  " + sets,
        "}",
        "reactive_handler_main");
  }

  private int tests(String relative) throws Exception {
    String out = charm.file("tests-" + relative.replaceAll("[^a-z0-9]", "_"));
    return out == null ? 0 : (int) out.lines().count();
  }

  /**
   * A file's --test runs once per pass: the re-tests after each earlier handler changed flags are
   * answered in this JVM from the functions the file declared, so they start no process; a file
   * whose functions stop holding is still dropped.
   */
  @Test
  void eachFileIsTestedOncePerPass() throws Exception {
    countingFile("reactive/a1.sh", "a1", "set_flag a1.done; set_flag gate", "a1.done");
    countingFile("reactive/a2.sh", "a2", "set_flag a2.done", "a2.done");
    countingFile("reactive/a3.sh", "a3", "set_flag a3.done", "a3.done");
    countingFile("reactive/y.sh", "y", "set_flag y.done", "gate");
    countingFile("reactive/z.sh", "z", "set_flag z.done", "z.done");
    HookRun run = charm.hook("install");
    assertTrue(run.succeeded(), () -> String.valueOf(run.error()));
    assertEquals(List.of("a1", "a2", "a3", "z"), charm.out(), "y was dropped: a1 set its gate");
    // hooks phase, iteration 0 and iteration 1 (which finds nothing): three passes, three tests
    for (String file : List.of("reactive/a1.sh", "reactive/a2.sh", "reactive/a3.sh", "reactive/y.sh",
        "reactive/z.sh")) {
      assertEquals(3, tests(file), file);
    }
  }

  @Test
  void aStateChangeWhileTestedFailsTheHookNamingTheFile() throws Exception {
    charm.handler("reactive/sneaky.sh",
        "#!/bin/bash",
        "source charms.reactive.sh",
        "[[ $REACTIVE_ACTION == --test ]] && set_flag sneaky",
        "@when_not 'x'",
        "function f() { set_flag x; }",
        "reactive_handler_main");
    HookRun run = charm.hook("install");
    assertFalse(run.succeeded());
    String message = run.error().orElseThrow().getMessage();
    assertTrue(message.contains("charms.reactive set_flag was called while reactive/sneaky.sh was "
        + "being tested (--test)"), message);
    assertNull(charm.store.committedBytes(), "a failing hook commits nothing");
  }

  /** Decided: the original tested the empty flag; a decorator without flags is refused. */
  @Test
  void aDecoratorWithoutFlagsFailsTheHookNamingFileAndFunction() throws Exception {
    charm.handler("reactive/empty.sh",
        "#!/bin/bash",
        "source charms.reactive.sh",
        "@when",
        "function f() { echo f >> \"$OUT\"; }",
        "reactive_handler_main");
    HookRun run = charm.hook("install");
    assertFalse(run.succeeded());
    String message = run.error().orElseThrow().getMessage();
    assertTrue(message.contains("bash handler reactive/empty.sh:f: @when names no flag"), message);
    assertEquals(List.of(), charm.out());
  }

  private void tracedFile() throws Exception {
    charm.handler("reactive/traced.sh",
        "#!/bin/bash",
        "exec 2>>\"$OUT.err\"",
        "source charms.reactive.sh",
        "@when_not 'x'",
        "function f() { set_flag x; }",
        "reactive_handler_main");
  }

  /** The original's stderr bracket around --test and --invoke. */
  @Test
  void testAndInvokeAreBracketedOnStandardError() throws Exception {
    tracedFile();
    assertTrue(charm.hook("install").succeeded());
    List<String> err = charm.file("err").lines().toList();
    assertEquals(List.of("Running reactive_handler_main for traced.sh (test)", "Will invoke: f",
        "End reactive_handler_main (test)", "Running reactive_handler_main for traced.sh (invoke)",
        "Invoking bash reactive handler: f", "End reactive_handler_main (invoke)",
        "Running reactive_handler_main for traced.sh (test)", "Nothing to invoke",
        "End reactive_handler_main (test)"), err.subList(err.size() - 9, err.size()));
    assertTrue(err.stream().noneMatch(l -> l.startsWith("+")), "no xtrace without CHARMS_REACTIVE_TRACE");
  }

  /** CHARMS_REACTIVE_TRACE=true traces the library's internals (set -x), as in the original. */
  @Test
  void charmsReactiveTraceTracesTheLibrary() throws Exception {
    tracedFile();
    assertTrue(charm.hook("install", Map.of("CHARMS_REACTIVE_TRACE", "true")).succeeded());
    String err = charm.file("err");
    assertTrue(err.lines().anyMatch(l -> l.matches("\\++ _reactive_call test .*")), err);
    assertTrue(err.lines().anyMatch(l -> l.equals("+ _reactive_decorate when_not x")), err);
    // the functions themselves keep the file's own xtrace setting (off here)
    assertTrue(err.lines().noneMatch(l -> l.matches("\\++ set_flag x")), err);
  }

  /** The variable may also be set in the file itself, before the library is sourced. */
  @Test
  void charmsReactiveTraceSetInTheFileTracesTheLibrary() throws Exception {
    charm.handler("reactive/traced.sh",
        "#!/bin/bash",
        "exec 2>>\"$OUT.err\"",
        "CHARMS_REACTIVE_TRACE=true",
        "source charms.reactive.sh",
        "@when_not 'x'",
        "function f() { set_flag x; }",
        "reactive_handler_main");
    assertTrue(charm.hook("install").succeeded());
    String err = charm.file("err");
    assertTrue(err.lines().anyMatch(l -> l.equals("+ _reactive_decorate when_not x")), err);
  }
}
