package charms.reactive.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.fs.internal.Commands;
import charms.reactive.fs.testing.RecordingProcessRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Services} through a recording runner, and the real {@link ProcessRunner#system()}. */
class ServicesTest {
  final RecordingProcessRunner runner = new RecordingProcessRunner();
  final Services services = new Services(runner);

  @Test
  void eachOperationIsOneSystemctlArgumentArray() {
    services.start("app");
    services.stop("app");
    services.restart("app");
    services.reload("app.service");
    assertEquals(List.of(
        List.of("systemctl", "start", "app"),
        List.of("systemctl", "stop", "app"),
        List.of("systemctl", "restart", "app"),
        List.of("systemctl", "reload", "app.service")), runner.commands());
  }

  @Test
  void isRunningIsTheExitCodeOfIsActive() {
    assertTrue(services.isRunning("app"));
    runner.answer(List.of("systemctl", "is-active", "--quiet", "app"), 3, "", "");
    assertFalse(services.isRunning("app"));
    assertEquals(List.of("systemctl", "is-active", "--quiet", "app"), runner.commands().get(1));
  }

  @Test
  void aFailingCommandIsAnExceptionNamingCommandExitCodeAndStderr() {
    runner.answer(List.of("systemctl", "restart", "app"), 5, "",
        "Failed to restart app.service: Unit app.service not found.\n");
    CommandFailedException e = assertThrows(CommandFailedException.class, () -> services.restart("app"));
    assertEquals("command systemctl restart app failed with exit code 5: "
        + "Failed to restart app.service: Unit app.service not found.", e.getMessage());
    assertEquals(5, e.exitCode());
    assertEquals(List.of("systemctl", "restart", "app"), e.command());
  }

  @Test
  void serviceNamesThatCouldBeReadAsOptionsOrSeveralArgumentsAreRefused() {
    for (String bad : new String[] {"", "-x", "--all", "a b", "a\nb"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> services.restart(bad));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
    assertEquals(List.of(), runner.commands(), "nothing ran");
  }

  @Test
  void theRealRunnerCapturesExitCodeAndBothOutputs() {
    ProcessResult r = ProcessRunner.system().run(
        List.of("sh", "-c", "printf 'to out'; printf 'to err' >&2; exit 3"));
    assertEquals(3, r.exitCode());
    assertEquals("to out", r.stdout());
    assertEquals("to err", r.stderr());
    assertFalse(r.succeeded());
  }

  @Test
  void theRealRunnerPassesArgumentsLiterallyWithoutAShell() {
    ProcessResult r = ProcessRunner.system().run(List.of("printf", "%s", "$HOME; echo injected"));
    assertEquals("$HOME; echo injected", r.stdout());
  }

  @Test
  void checkThrowsForANonZeroExitCode() {
    CommandFailedException e = assertThrows(CommandFailedException.class,
        () -> ProcessRunner.system().check(List.of("sh", "-c", "echo nope >&2; exit 2")));
    assertEquals("command sh -c 'echo nope >&2; exit 2' failed with exit code 2: nope", e.getMessage());
    assertEquals("nope\n", e.stderr());
  }

  @Test
  void aProgramThatCannotBeStartedIsNamed() {
    CommandFailedException e = assertThrows(CommandFailedException.class,
        () -> ProcessRunner.system().run(List.of("/nonexistent/systemctl", "start", "app")));
    assertEquals(CommandFailedException.NOT_STARTED, e.exitCode());
    assertTrue(e.getMessage().startsWith("command /nonexistent/systemctl start app could not be started"),
        e.getMessage());
  }

  @Test
  void commandsAreQuotedOnlyForReading() {
    assertEquals("systemctl restart 'my app' 'it'\"'\"'s'",
        Commands.quote(List.of("systemctl", "restart", "my app", "it's")));
  }
}
