package charms.reactive.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@link CharmHarness} gives each test a ready harness and closes it after the test. */
@CharmHarness(value = "src/test/charms/demo", charm = DemoCharm.class,
    environment = "FROM_ANNOTATION=1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HarnessExtensionTest {
  private static Harness fromFirstTest;

  @Test
  @Order(1)
  void aTestGetsAHarnessForTheAnnotatedCharm(Harness harness) {
    fromFirstTest = harness;
    HookOutcome out = harness.run(HookEvent.install(), harness.state());
    assertTrue(out.flags().contains("demo.installed"), out::toString);
    assertEquals("1", out.environment().get("FROM_ANNOTATION"));
    assertEquals("demo", harness.charm().name());
  }

  @Test
  @Order(2)
  void theHarnessIsClosedAfterItsTest(Harness harness) {
    assertNotNull(fromFirstTest);
    assertNotSame(fromFirstTest, harness);
    assertThrows(HarnessException.class,
        () -> fromFirstTest.run(HookEvent.install(), fromFirstTest.state()));
    assertTrue(!Files.exists(fromFirstTest.toolsDirectory()), "the executables are deleted");
  }

  @Test
  @Order(3)
  void aParameterAnnotationWinsOverTheClass(
      @CharmHarness(value = "src/test/charms/demo", main = DemoCharm.class) Harness process,
      Harness inProcess) {
    HookOutcome viaProcess = process.run(HookEvent.install(), process.state());
    assertTrue(viaProcess.run().isEmpty(), "ran as a separate JVM");
    assertTrue(viaProcess.flags().contains("demo.installed"), viaProcess::stderr);
    assertTrue(inProcess.run(HookEvent.install(), inProcess.state()).run().isPresent());
  }
}
