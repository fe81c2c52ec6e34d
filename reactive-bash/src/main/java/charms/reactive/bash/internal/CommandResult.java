package charms.reactive.bash.internal;

/** What a {@code charms.reactive} command returns to its caller. */
public record CommandResult(int exitCode, String stdout, String stderr) {

  public static CommandResult ok(String stdout) {
    return new CommandResult(0, stdout, "");
  }

  public static CommandResult test(boolean holds) {
    return new CommandResult(holds ? 0 : 1, "", "");
  }

  public static CommandResult usage(String message) {
    return new CommandResult(2, "", "usage: charms.reactive [--format FORMAT] <command> [args]\n"
        + "charms.reactive: error: " + message + "\n");
  }

  public static CommandResult error(String message) {
    return new CommandResult(1, "", "charms.reactive: error: " + message + "\n");
  }
}
