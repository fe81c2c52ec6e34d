package charms.reactive.testing;

import charms.reactive.ReactiveCharm;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a JUnit 5 test a ready {@link Harness}: annotate the test class, a test method or a
 * {@code Harness} parameter, and declare a {@code Harness} parameter. The harness is built per
 * test and closed after it. The nearest annotation wins (parameter, then method, then class and
 * its enclosing classes).
 *
 * <pre>{@code
 * @CharmHarness(value = "src/test/charms/demo", charm = DemoCharm.class)
 * class DemoCharmTest {
 *   @Test
 *   void installs(Harness harness) {
 *     HookOutcome out = harness.run(HookEvent.install(), harness.state());
 *     assertTrue(out.flags().contains("demo.installed"));
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
@ExtendWith(HarnessExtension.class)
public @interface CharmHarness {

  /** The charm directory, relative to the working directory (the module, under Maven). */
  String value();

  /**
   * A class with a no-argument constructor that makes the charm, to run it in this JVM. Give this
   * or {@link #main()}.
   */
  Class<? extends Supplier<ReactiveCharm>> charm() default NoCharm.class;

  /** A main class to run each hook as a separate JVM (on this JVM's class path). */
  Class<?> main() default Void.class;

  /** Extra environment variables for every hook, as {@code NAME=value}. */
  String[] environment() default {};

  /** The default of {@link #charm()}: none given. */
  final class NoCharm implements Supplier<ReactiveCharm> {
    private NoCharm() {
    }

    @Override
    public ReactiveCharm get() {
      throw new UnsupportedOperationException("no charm");
    }
  }
}
