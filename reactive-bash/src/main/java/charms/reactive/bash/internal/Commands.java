package charms.reactive.bash.internal;

import charms.reactive.Conditions;
import charms.reactive.FlagView;
import charms.reactive.Flags;
import charms.reactive.Phase;
import charms.reactive.ReactiveException;
import charms.reactive.RelationRef;
import charms.reactive.Trigger;
import charms.reactive.TriggerCycleException;
import charms.reactive.fs.FileConditions;
import charms.reactive.fs.HashAlgorithm;
import charms.reactive.juju.HookTools;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code charms.reactive} command line of the original: the same subcommands, argument forms,
 * output formats and exit codes (test commands: 0 or 1, printing the formatted empty string;
 * errors: 1; usage errors: 2), acting on a {@link CommandContext}. Booleans are parsed as booleans (the original took {@code False} as a string and set the flag); a value that is not
 * one is a usage error.
 */
public final class Commands implements CommandExecutor {
  private static final Set<String> TESTS = Set.of("is_flag_set", "all_flags_set", "any_flags_set",
      "is_state", "all_states", "any_states", "any_hook", "hook", "when", "when_all", "when_any",
      "when_not", "when_none", "when_not_all", "when_file_changed", "only_once");

  private final CommandContext context;

  public Commands(CommandContext context) {
    this.context = context;
  }

  private Map<String, String> callerEnvironment = Map.of();

  @Override
  public CommandResult execute(List<String> argv, Map<String, String> environment) {
    callerEnvironment = environment == null ? Map.of() : environment;
    try {
      return execute(argv);
    } finally {
      callerEnvironment = Map.of();
    }
  }

  @Override
  public CommandResult execute(List<String> argv) {
    OutputFormat format = OutputFormat.RAW;
    int i = 0;
    try {
      for (; i < argv.size() && argv.get(i).startsWith("-"); i++) {
        String a = argv.get(i);
        switch (a) {
          case "-r" -> format = OutputFormat.RAW;
          case "-j" -> format = OutputFormat.JSON;
          case "-p" -> format = OutputFormat.PY;
          case "-y" -> format = OutputFormat.YAML;
          case "-c" -> format = OutputFormat.CSV;
          case "-t" -> format = OutputFormat.TAB;
          case "--format" -> {
            if (++i >= argv.size()) {
              return CommandResult.usage("argument --format: expected one argument");
            }
            format = OutputFormat.parse(argv.get(i));
          }
          default -> {
            if (a.startsWith("--format=")) {
              format = OutputFormat.parse(a.substring("--format=".length()));
            } else {
              return CommandResult.usage("unrecognized arguments: " + a);
            }
          }
        }
      }
    } catch (IllegalArgumentException e) {
      return CommandResult.usage(e.getMessage());
    }
    if (i >= argv.size()) {
      return CommandResult.usage("the following arguments are required: command");
    }
    String command = argv.get(i);
    Args args = new Args(command, argv.subList(i + 1, argv.size()));
    try {
      Object result = run(command, args);
      if (TESTS.contains(command)) {
        // the original prints the formatted empty string after a test command
        return CommandResult.test(Boolean.TRUE.equals(result), format.render(""));
      }
      return CommandResult.ok(format.render(result == NO_OUTPUT ? "" : result));
    } catch (UsageException e) {
      return CommandResult.usage(e.getMessage());
    } catch (TriggerCycleException e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException | ReactiveException
        | UncheckedIOException e) {
      // the caller's mistake or a refusal it can act on; anything else is a defect and escapes
      return CommandResult.error(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private static final Object NO_OUTPUT = new Object();

  /**
   * Runs one command. Reads go through the read-only view; a change needs the writable hook,
   * which does not exist while a file is being tested ({@link CommandContext#writable}).
   */
  private Object run(String command, Args a) {
    FlagView flags = context.view().flags();
    switch (command) {
      case "set_flag", "set_state" -> {
        Flags writable = context.writable(command).flags();
        String flag = a.positional("flag");
        Optional<String> value = a.option("value");
        a.done();
        writable.set(flag, value.orElse(null));
        return NO_OUTPUT;
      }
      case "clear_flag", "remove_state" -> {
        Flags writable = context.writable(command).flags();
        String flag = a.positional("flag");
        a.done();
        writable.clear(flag);
        return NO_OUTPUT;
      }
      case "toggle_flag", "toggle_state" -> {
        Flags writable = context.writable(command).flags();
        String flag = a.positional("flag");
        boolean set = parseBoolean(a.positional("should_set"));
        a.done();
        writable.toggle(flag, set);
        return NO_OUTPUT;
      }
      case "register_trigger" -> {
        context.writable(command);
        return registerTrigger(a);
      }
      case "is_flag_set", "is_state" -> {
        String flag = a.positional("flag");
        a.done();
        return flags.isSet(flag);
      }
      case "all_flags_set", "all_states" -> {
        return flags.allSet(a.rest().toArray(String[]::new));
      }
      case "any_flags_set", "any_states" -> {
        return flags.anySet(a.rest().toArray(String[]::new));
      }
      case "get_flags" -> {
        a.done();
        return flags.list();
      }
      case "get_unset_flags" -> {
        return flags.unset(a.rest().toArray(String[]::new));
      }
      case "get_states" -> {
        a.done();
        Map<String, JsonNode> states = new TreeMap<>();
        for (String flag : flags.list()) {
          states.put(flag, flags.value(flag).orElse(null));
        }
        return states;
      }
      case "any_hook" -> {
        return Conditions.hook(a.restAtLeastOne("pattern").toArray(String[]::new))
            .test(context.forHandler("charms.reactive any_hook")).holds();
      }
      case "hook" -> {
        return phaseIs(Phase.HOOKS) && Conditions.hook(a.restAtLeastOne("pattern").toArray(String[]::new))
            .test(context.forHandler("charms.reactive hook")).holds();
      }
      case "when", "when_all" -> {
        return phaseIs(Phase.OTHER) && flags.allSet(a.rest().toArray(String[]::new));
      }
      case "when_any" -> {
        return phaseIs(Phase.OTHER) && flags.anySet(a.rest().toArray(String[]::new));
      }
      case "when_not", "when_none" -> {
        return phaseIs(Phase.OTHER) && !flags.anySet(a.rest().toArray(String[]::new));
      }
      case "when_not_all" -> {
        return phaseIs(Phase.OTHER) && !flags.allSet(a.rest().toArray(String[]::new));
      }
      case "when_file_changed" -> {
        return FileConditions.whenFileChanged(a.restAtLeastOne("file"), List.of(), HashAlgorithm.SHA256)
            .test(context.forHandler("charms.reactive when_file_changed")).holds();
      }
      case "only_once" -> {
        String id = a.positional("handler_id");
        a.done();
        return Conditions.onlyOnce().test(context.forHandler(id)).holds();
      }
      case "mark_invoked" -> {
        context.writable(command);
        for (String id : a.restAtLeastOne("handler_id")) {
          Conditions.onlyOnce().onHandlerSuccess(context.forSuccess(id));
        }
        return NO_OUTPUT;
      }
      case "test" -> {
        return test(a.rest());
      }
      case "relation_call" -> {
        return relationCall(a);
      }
      case "relation_id" -> {
        return relationId(a);
      }
      case "render_template" -> {
        String source = a.positional("source");
        String target = a.positional("target");
        a.done();
        charms.reactive.HookEnvironment hook = context.view().environment();
        charms.reactive.fs.Templates.forCharm(hook).render(source, java.nio.file.Path.of(target),
            callerEnvironment.isEmpty() ? hook.variables() : callerEnvironment,
            charms.reactive.fs.FileAttributes.file());
        return NO_OUTPUT;
      }
      default -> throw new UsageException("argument command: invalid choice: '" + command + "'");
    }
  }

  private boolean phaseIs(Phase phase) {
    return context.phase() == phase;
  }

  private Object test(List<String> specs) {
    List<String> names = new ArrayList<>();
    List<FunctionSpec> all = new ArrayList<>();
    List<FunctionSpec> passed = new ArrayList<>();
    for (String text : specs) {
      FunctionSpec spec = FunctionSpec.parse(text);
      all.add(spec);
      FunctionConditions conditions;
      try {
        conditions = new FunctionConditions(spec);
      } catch (IllegalArgumentException | ReactiveException e) {
        throw new FatalCommandException(e.getMessage(), e);
      }
      if (conditions.holds(context)) {
        names.add(spec.name());
        passed.add(spec);
      }
    }
    context.tested(all, passed);
    return String.join(",", names);
  }

  private Object registerTrigger(Args a) {
    Optional<String> when = a.option("when");
    Optional<String> whenNot = a.option("when_not");
    Optional<String> set = a.option("set_flag");
    Optional<String> clear = a.option("clear_flag");
    if (a.option("callback").isPresent()) {
      throw new IllegalArgumentException("a callback cannot be registered from the command line");
    }
    a.done();
    if (when.isPresent() == whenNot.isPresent()) {
      throw new IllegalArgumentException(when.isPresent() ? "Only one of when or when_not can be provided"
          : "Must provide one of when or when_not");
    }
    Trigger.Builder builder = when.isPresent() ? Trigger.whenSet(when.get()) : Trigger.whenCleared(whenNot.get());
    Trigger trigger = set.isPresent() ? builder.set(set.get()) : clear.isPresent() ? builder.clear(clear.get())
        : null;
    if (trigger == null) {
      throw new IllegalArgumentException("Must provide at least one of set_flag or clear_flag");
    }
    if (set.isPresent() && clear.isPresent()) {
      trigger = trigger.andClear(clear.get());
    }
    context.registerTrigger(trigger);
    return NO_OUTPUT;
  }

  private Object relationCall(Args a) {
    Optional<String> name = a.option("relation_name");
    Optional<String> flag = a.option("flag").or(() -> a.option("state"));
    String method = a.positional("method");
    List<String> rest = a.rest();
    if (name.isEmpty() && flag.isEmpty()) {
      throw new IllegalArgumentException("Must specify either relation_name or flag");
    }
    Optional<String> tested = context.beingTested();
    if (tested.isPresent()) {
      throw new IllegalStateException("relation_call cannot be used while " + tested.get()
          + " is being tested (--test): call it from a function that --invoke runs");
    }
    RelationCalls calls = context.service(RelationCalls.class).orElseThrow(() ->
        new IllegalStateException("relation_call needs the charm's relations (reactive-relations) "
            + "to be registered with this hook"));
    return calls.call(name, flag, method, rest);
  }

  private Object relationId(Args a) {
    String relation = a.positional("relation_name");
    String unit = a.positional("unit");
    a.done();
    HookTools tools = context.service(HookTools.class).orElseThrow(() ->
        new IllegalStateException("relation_id needs the hook tools (run it inside a hook)"));
    for (RelationRef ref : tools.relationIds(relation)) {
      if (tools.relationUnits(ref).contains(unit)) {
        return ref.toString();
      }
    }
    throw new IllegalArgumentException("unit " + unit + " is not in any " + relation + " relation");
  }

  /** Parses a boolean the way people write one; anything else is a usage error. */
  static boolean parseBoolean(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "on", "1":
        return true;
      case "false", "f", "no", "n", "off", "0", "":
        return false;
      default:
        throw new UsageException("argument should_set: '" + text + "' is not a boolean");
    }
  }

  /** An argparse-style usage error: exit code 2. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** The arguments of one subcommand: {@code --name value} options anywhere, positionals in order. */
  private static final class Args {
    private final String command;
    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private int next;

    Args(String command, List<String> raw) {
      this.command = command;
      for (int i = 0; i < raw.size(); i++) {
        String a = raw.get(i);
        if (a.startsWith("--") && a.length() > 2) {
          int eq = a.indexOf('=');
          if (eq > 0) {
            options.put(a.substring(2, eq), a.substring(eq + 1));
          } else if (i + 1 < raw.size()) {
            options.put(a.substring(2), raw.get(++i));
          } else {
            throw new UsageException("argument " + a + ": expected one argument");
          }
        } else {
          positionals.add(a);
        }
      }
    }

    String positional(String name) {
      if (next >= positionals.size()) {
        throw new UsageException(command + ": the following arguments are required: " + name);
      }
      return positionals.get(next++);
    }

    Optional<String> option(String name) {
      return Optional.ofNullable(options.remove(name));
    }

    List<String> rest() {
      List<String> rest = new ArrayList<>(positionals.subList(next, positionals.size()));
      next = positionals.size();
      done();
      return rest;
    }

    List<String> restAtLeastOne(String name) {
      List<String> rest = rest();
      if (rest.isEmpty()) {
        throw new UsageException(command + ": the following arguments are required: " + name);
      }
      return rest;
    }

    void done() {
      if (next < positionals.size()) {
        throw new UsageException("unrecognized arguments: " + String.join(" ", positionals.subList(next, positionals.size())));
      }
      if (!options.isEmpty()) {
        throw new UsageException("unrecognized arguments: --" + String.join(" --", options.keySet()));
      }
    }
  }
}
