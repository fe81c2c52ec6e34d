package charms.reactive.bash.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.CharmMetadata;
import charms.reactive.ConditionContext;
import charms.reactive.HookContext;
import charms.reactive.HookEnvironment;
import charms.reactive.HookView;
import charms.reactive.Phase;
import charms.reactive.spi.StateTransaction;
import charms.reactive.state.StateDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The original's command line: subcommands, argument forms, formats and exit codes. */
class CommandsTest {

  Phase phase = Phase.OTHER;
  Optional<String> beingTested = Optional.empty();
  final List<String> tested = new ArrayList<>();
  /** The hook the commands act on: the core's model over a unit state, as in a real hook. */
  final HookContext session = StateTransaction.of(StateDocument.empty(),
      HookEnvironment.of(Map.of("JUJU_HOOK_NAME", "config-changed", "CHARM_DIR", "/tmp")),
      () -> new CharmMetadata("x", Map.of())).hook();
  final HookContext state = session;
  final Commands commands = new Commands(new CommandContext() {
    @Override
    public HookView view() {
      return beingTested.isPresent() ? ConditionContext.of("reactive/x.sh", phase, session, f -> true)
          : HookView.readOnly(session);
    }

    @Override
    public Optional<HookContext> hook() {
      return beingTested.isPresent() ? Optional.empty() : Optional.of(session);
    }

    @Override
    public Phase phase() {
      return phase;
    }

    @Override
    public boolean watched(Collection<String> flags) {
      return true;
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public void tested(List<FunctionSpec> specs, List<FunctionSpec> passed) {
      passed.forEach(s -> tested.add(s.id()));
    }

    @Override
    public Optional<String> beingTested() {
      return beingTested;
    }
  });

  CommandResult run(String... args) {
    return commands.execute(List.of(args));
  }

  @Test
  void noOutputCommandsPrintNothingAndExitZero() {
    assertEquals(new CommandResult(0, "", ""), run("set_flag", "a"));
    assertTrue(state.flags().isSet("a"));
    assertEquals(new CommandResult(0, "", ""), run("clear_flag", "a"));
    assertFalse(state.flags().isSet("a"));
  }

  @Test
  void testCommandsAnswerWithTheExitCodeOnly() {
    run("set_flag", "a");
    assertEquals(new CommandResult(0, "", ""), run("is_flag_set", "a"));
    assertEquals(new CommandResult(1, "", ""), run("is_flag_set", "b"));
    assertEquals(0, run("all_flags_set").exitCode(), "no flags: all set");
    assertEquals(1, run("any_flags_set").exitCode(), "no flags: none set");
    assertEquals(0, run("any_states", "b", "a").exitCode());
  }

  @Test
  void rawListsAreLinesWithoutATrailingNewline() {
    run("set_flag", "b");
    run("set_flag", "a");
    assertEquals("a\nb", run("get_flags").stdout());
    assertEquals("c\nd", run("get_unset_flags", "d", "a", "c").stdout());
  }

  @Test
  void globalFormatOptionsComeBeforeTheCommand() {
    run("set_flag", "a", "--value", "v");
    assertEquals("[\"a\"]", run("--format", "json", "get_flags").stdout());
    assertEquals("[\"a\"]", run("-j", "get_flags").stdout());
    assertEquals("{\"a\": \"v\"}", run("--format=json", "get_states").stdout());
    assertEquals("{'a': 'v'}", run("get_states").stdout());
    assertEquals("['a']\n", run("-p", "get_flags").stdout());
    assertEquals("- a\n", run("-y", "get_flags").stdout());
    assertEquals(2, run("--format", "xml", "get_flags").exitCode());
  }

  @Test
  void toggleParsesBooleansAsBooleans() {
    run("set_flag", "x");
    run("toggle_flag", "x", "False");
    assertFalse(state.flags().isSet("x"), "False clears (the original took it as a string and set x)");
    run("toggle_flag", "x", "true");
    assertTrue(state.flags().isSet("x"));
    CommandResult bad = run("toggle_flag", "x", "maybe");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.stderr().contains("'maybe' is not a boolean"), bad.stderr());
  }

  @Test
  void usageErrorsExitTwoAndErrorsExitOne() {
    assertEquals(2, run("no_such_command").exitCode());
    assertEquals(2, run("set_flag").exitCode());
    assertEquals(2, run("set_flag", "a", "b").exitCode());
    CommandResult invalid = run("set_flag", "has space");
    assertEquals(1, invalid.exitCode());
    assertTrue(invalid.stderr().contains("'has space'"), invalid.stderr());
  }

  @Test
  void phaseTestsFollowTheDispatchPhase() {
    run("set_flag", "a");
    assertEquals(0, run("when", "a").exitCode());
    assertEquals(1, run("hook", "config-changed").exitCode(), "hook needs the hooks phase");
    assertEquals(0, run("any_hook", "config-{changed,x}").exitCode(), "any_hook ignores the phase");
    phase = Phase.HOOKS;
    assertEquals(0, run("hook", "{config,install}-changed").exitCode());
    assertEquals(1, run("when", "a").exitCode());
  }

  @Test
  void onlyOnceAndMarkInvokedShareTheOnceRecords() {
    assertEquals(0, run("only_once", "reactive/x.sh:f").exitCode());
    run("mark_invoked", "reactive/x.sh:f");
    assertEquals(1, run("only_once", "reactive/x.sh:f").exitCode());
  }

  @Test
  void registeredTriggersFireForLaterChanges() {
    run("register_trigger", "--when", "a", "--set_flag", "b", "--clear_flag", "c");
    run("set_flag", "c");
    run("set_flag", "a");
    assertTrue(state.flags().isSet("b"));
    assertFalse(state.flags().isSet("c"));
    assertEquals(1, run("register_trigger", "--set_flag", "b").exitCode());
    assertEquals(1, run("register_trigger", "--when", "a", "--callback", "x").exitCode());
  }

  @Test
  void testPrintsThePassingFunctionsInTheOrderGiven() {
    run("set_flag", "db");
    String us = "\u001f";
    String rs = "\u001e";
    CommandResult r = run("test", "b" + us + "f:b" + us + "when" + rs + "db",
        "a" + us + "f:a" + us + "when_not" + rs + "db",
        "c" + us + "f:c" + us + "when_any" + rs + "x" + rs + "db");
    assertEquals("b,c", r.stdout());
    assertEquals(List.of("f:b", "f:c"), tested);
    assertEquals("b", run("test", "b f:b when 'db'").stdout(), "the original's shell-quoted specs work too");
  }

  @Test
  void relationCallWithoutRelationsIsAClearError() {
    CommandResult r = run("relation_call", "--relation_name", "db", "conversations");
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().contains("reactive-relations"), r.stderr());
    assertTrue(run("relation_call", "conversations").stderr().contains("Must specify either relation_name or flag"));
  }

  /**
   * The original's exact bytes (charmhelpers' OutputFormatter, Python 3): {@code json.dump} with
   * {@code ", "} and {@code ": "} separators, {@code \\u00e4} escapes and no trailing newline; a
   * test command or a command without output formats the empty string.
   */
  @Test
  void outputFormatsAreTheOriginalsBytes() {
    run("set_flag", "b");
    run("set_flag", "\u00e4");
    run("set_flag", "a", "--value", "{\"x\": [1, \"\u00fc\"]}");
    assertEquals("[\"a\", \"b\", \"\\u00e4\"]", run("-j", "get_flags").stdout());
    assertEquals("{\"a\": \"{\\\"x\\\": [1, \\\"\\u00fc\\\"]}\", \"b\": null, \"\\u00e4\": null}",
        run("--format", "json", "get_states").stdout());
    assertEquals("[\"c\", \"z\"]", run("-j", "get_unset_flags", "z", "a", "c").stdout());
    assertEquals(new CommandResult(0, "\"\"", ""), run("-j", "is_flag_set", "b"));
    assertEquals(new CommandResult(1, "\"\"", ""), run("-j", "is_flag_set", "nope"));
    assertEquals(new CommandResult(0, "\"\"", ""), run("-j", "set_flag", "c"));
    assertEquals(new CommandResult(0, "''\n", ""), run("-p", "is_flag_set", "b"));
    assertEquals(new CommandResult(0, "''\n", ""), run("-y", "clear_flag", "c"));
    assertEquals(new CommandResult(0, "", ""), run("-c", "is_flag_set", "b"));
    assertEquals(new CommandResult(0, "", ""), run("-t", "set_flag", "c"));
    assertEquals(new CommandResult(0, "", ""), run("is_flag_set", "b"));
  }

  @Test
  void aStateChangeWhileAFileIsTestedFailsTheCallAndTheHook() {
    beingTested = Optional.of("reactive/x.sh");
    for (List<String> call : List.of(List.of("set_flag", "a"), List.of("clear_flag", "a"),
        List.of("toggle_flag", "a", "true"), List.of("mark_invoked", "reactive/x.sh:f"),
        List.of("register_trigger", "--when", "a", "--set_flag", "b"))) {
      FatalCommandException e = org.junit.jupiter.api.Assertions.assertThrows(FatalCommandException.class,
          () -> commands.execute(call), call.toString());
      assertTrue(e.getMessage().contains("charms.reactive " + call.get(0) + " was called while "
          + "reactive/x.sh was being tested"), e.getMessage());
    }
    assertFalse(state.flags().isSet("a"));
    assertEquals(1, run("is_flag_set", "a").exitCode(), "reading is allowed while tested");
    CommandResult call = run("relation_call", "--flag", "db.ready", "uri");
    assertEquals(1, call.exitCode());
    assertTrue(call.stderr().contains("relation_call cannot be used while reactive/x.sh is being "
        + "tested (--test)"), call.stderr());
  }

  @Test
  void aFlagNameBeyondTheLimitIsANamedError() {
    String huge = "f".repeat(200_000);
    CommandResult r = run("set_flag", huge);
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().contains("a flag name is limited to 1024 characters; this one has 200000"),
        r.stderr());
    // the core rule quotes at most the first 200 characters of a name
    assertTrue(r.stderr().length() < 400, "the error quotes only the start of the name");
    assertTrue(state.flags().list().isEmpty());
    assertEquals(0, run("set_flag", "f".repeat(1024)).exitCode());
  }

  @Test
  void aDecoratorWithoutArgumentsIsRefusedNamingFileAndFunction() {
    String us = "\u001f";
    for (String kind : List.of("when", "when_not", "when_any", "when_all", "when_none", "when_not_all")) {
      FatalCommandException e = org.junit.jupiter.api.Assertions.assertThrows(FatalCommandException.class,
          () -> run("test", "f" + us + "reactive/x.sh:f" + us + kind));
      assertEquals("bash handler reactive/x.sh:f: @" + kind + " names no flag; a decorator without "
          + "arguments is refused (give it at least one)", e.getMessage());
    }
    FatalCommandException hook = org.junit.jupiter.api.Assertions.assertThrows(FatalCommandException.class,
        () -> run("test", "f" + us + "reactive/x.sh:f" + us + "hook"));
    assertTrue(hook.getMessage().contains("@hook names no hook pattern"), hook.getMessage());
    assertEquals("f", run("test", "f" + us + "reactive/x.sh:f" + us + "only_once").stdout(),
        "@only_once takes no arguments");
  }
}
