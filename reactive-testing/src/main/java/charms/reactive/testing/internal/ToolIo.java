package charms.reactive.testing.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One tool call's streams: captured standard output and error, the caller's working directory
 * (where relative {@code --file} and {@code --output} paths resolve) and standard input, fetched
 * only if the tool reads it. Not thread-safe; one per call.
 */
public final class ToolIo {

  /** Where a tool's standard input comes from. */
  @FunctionalInterface
  public interface StdinSource {
    /** The caller's whole standard input; throws {@link NeedsStdin} if it must be fetched. */
    byte[] read();
  }

  private final StringBuilder out = new StringBuilder();
  private final StringBuilder err = new StringBuilder();
  private final Path workingDir;
  private final StdinSource stdin;
  private byte[] stdinRead;

  public ToolIo(Path workingDir, StdinSource stdin) {
    this.workingDir = workingDir;
    this.stdin = stdin;
  }

  public void out(String text) {
    out.append(text);
  }

  public void err(String text) {
    err.append(text);
  }

  public String stdout() {
    return out.toString();
  }

  public String stderr() {
    return err.toString();
  }

  public Path workingDir() {
    return workingDir;
  }

  /** Reads standard input (once); an absent input reads as empty. */
  public byte[] stdin() {
    if (stdinRead == null) {
      byte[] bytes = stdin.read();
      stdinRead = bytes == null ? new byte[0] : bytes;
    }
    return stdinRead;
  }

  /** What the tool read from standard input as text, or null if it read nothing. */
  public String stdinText() {
    return stdinRead == null ? null : new String(stdinRead, StandardCharsets.UTF_8);
  }
}
