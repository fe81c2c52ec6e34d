package charms.reactive.fs.internal;

import charms.reactive.ReactiveException;
import charms.reactive.fs.CommandFailedException;
import charms.reactive.fs.ProcessResult;
import charms.reactive.fs.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs commands as real processes: the argument array as given (never a shell), the environment
 * and working directory of this process, standard input empty.
 *
 * <p>Standard output and standard error go to temporary files that are read once the process has
 * exited. Unlike pipes, a file does not keep the caller waiting when the command leaves a daemon
 * behind that still holds its output open (service scripts do this), and it needs no reader
 * thread. Waits as long as the command runs, like charmhelpers' {@code subprocess.check_call}.
 * Safe to use from several threads; each call is independent.
 */
public final class SystemProcessRunner implements ProcessRunner {

  @Override
  public ProcessResult run(List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("a command needs at least the program");
    }
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("charms-reactive-cmd-", ".out");
      err = Files.createTempFile("charms-reactive-cmd-", ".err");
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new CommandFailedException(command, CommandFailedException.NOT_STARTED,
            e.getMessage(), e);
      }
      int code = process.waitFor();
      return new ProcessResult(command, code, read(out), read(err));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReactiveException("interrupted while running " + Commands.quote(command), e);
    } catch (IOException e) {
      throw new ReactiveException("cannot capture the output of " + Commands.quote(command) + ": "
          + e.getMessage(), e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  /** Decodes as UTF-8, replacing malformed bytes rather than failing. */
  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a leftover temporary file is harmless
      }
    }
  }
}
