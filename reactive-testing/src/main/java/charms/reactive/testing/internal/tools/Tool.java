package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;

/**
 * One fake hook tool: its options, its {@code Init} checks and its {@code Run}, following the
 * server side of the Juju tool of the same name ({@code internal/worker/uniter/runner/jujuc}).
 * Implementations are stateless; everything a call changes lives in the {@link UnitContext}.
 */
public abstract class Tool {

  /** The tool's name, such as {@code relation-get}. */
  public abstract String name();

  /** The one-line synopsis printed for {@code --help}. */
  protected abstract String synopsis();

  /** Defines the tool's options; may consult the context (for the default relation id). */
  protected void defineFlags(FlagSet flags, UnitContext context) {
  }

  /**
   * Checks the arguments and does the work.
   *
   * @throws ToolError exit 2 for argument errors ({@code Init}), exit 1 for run errors
   */
  protected abstract void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io)
      throws ToolError;

  /** Whether the tool works in {@code collect-metrics}/{@code meter-status-changed}. */
  protected boolean worksInRestrictedContext() {
    return false;
  }

  /** Parses and runs one call; returns the exit code, with stdout/stderr written to {@code io}. */
  public final int execute(UnitContext context, java.util.List<String> args, ToolIo io) {
    try {
      if (context.isRestricted() && !worksInRestrictedContext()) {
        throw ToolError.run("not implemented for restricted context");
      }
      FlagSet flags = new FlagSet();
      defineFlags(flags, context);
      FlagSet.Parsed parsed;
      try {
        parsed = flags.parse(args);
      } catch (FlagSet.HelpRequested help) {
        io.out("Usage: " + name() + " " + synopsis() + "\n");
        return 0;
      }
      run(context, parsed, io);
      return 0;
    } catch (ToolError e) {
      io.err("ERROR " + e.getMessage() + "\n");
      return e.exitCode();
    }
  }

  /** Juju's {@code cmd.CheckEmpty}: extra positional arguments are an argument error. */
  protected static void checkEmpty(java.util.List<String> rest) throws ToolError {
    if (!rest.isEmpty()) {
      throw ToolError.usage("unrecognized args: "
          + charms.reactive.testing.internal.GoText.quote(rest));
    }
  }

  /** Fails outside an action, as Juju 3.x does for every action tool. */
  protected static void requireAction(UnitContext context) throws ToolError {
    if (!context.isAction()) {
      throw ToolError.run("not running an action");
    }
  }

  /** Writes Juju's deprecation notice for a {@code --format} a tool ignores (no newline). */
  protected final void warnDeprecatedFormat(FlagSet.Parsed parsed, ToolIo io) {
    String format = parsed.string("format");
    if (format != null && !format.isEmpty()) {
      io.err("--format flag deprecated for command \"" + name() + "\"");
    }
  }
}
