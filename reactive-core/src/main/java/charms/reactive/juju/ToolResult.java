package charms.reactive.juju;

/** What a hook tool returned: its exit code and its output, decoded as UTF-8. */
public record ToolResult(int exitCode, String stdout, String stderr) {

  public boolean succeeded() {
    return exitCode == 0;
  }
}
