package charms.reactive.bash.internal;

/** What a {@code charms.reactive} command returns to its caller. */
public record CommandResult(int exitCode, String stdout, String stderr) {

  public static CommandResult ok(String stdout) {
    return new CommandResult(0, stdout, "");
  }

  /**
   * A test command's answer: exit code 0 if it holds, else 1, and the formatted empty string on
   * standard output (the original printed it: {@code ""} for {@code --format json}).
   */
  public static CommandResult test(boolean holds, String emptyOutput) {
    return new CommandResult(holds ? 0 : 1, emptyOutput, "");
  }

  public static CommandResult usage(String message) {
    return new CommandResult(2, "", "usage: charms.reactive [--format FORMAT] <command> [args]\n"
        + "charms.reactive: error: " + message + "\n");
  }

  public static CommandResult error(String message) {
    return new CommandResult(1, "", "charms.reactive: error: " + message + "\n");
  }
}
