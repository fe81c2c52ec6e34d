package charms.reactive.testing;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link CharmHarness}: resolves {@link Harness} parameters from
 * the nearest {@code @CharmHarness} and closes every harness it made when the test (or, for
 * constructor parameters, the class) is done. Registered by the annotation itself.
 */
public final class HarnessExtension implements ParameterResolver, AfterEachCallback,
    AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(HarnessExtension.class);
  private static final String KEY = "harnesses";

  /** The harnesses made in one extension context, to close at its end. */
  private static final class Made {
    final List<Harness> harnesses = new ArrayList<>();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Harness.class
        && find(parameter, context).isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    CharmHarness spec = find(parameter, context).orElseThrow();
    Harness harness = build(spec);
    context.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, k -> new Made(), Made.class)
        .harnesses.add(harness);
    return harness;
  }

  private static Harness build(CharmHarness spec) {
    boolean hasCharm = spec.charm() != CharmHarness.NoCharm.class;
    boolean hasMain = spec.main() != Void.class;
    if (hasCharm == hasMain) {
      throw new ParameterResolutionException("@CharmHarness(\"" + spec.value()
          + "\") needs exactly one of charm = <Supplier<ReactiveCharm> class> or main = <class>");
    }
    Harness.Builder builder = Harness.builder(Path.of(spec.value()));
    for (String variable : spec.environment()) {
      int eq = variable.indexOf('=');
      if (eq <= 0) {
        throw new ParameterResolutionException("@CharmHarness environment entry '" + variable
            + "' is not NAME=value");
      }
      builder.environment(variable.substring(0, eq), variable.substring(eq + 1));
    }
    if (hasMain) {
      return builder.process(spec.main()).build();
    }
    try {
      Constructor<? extends Supplier<charms.reactive.ReactiveCharm>> constructor =
          spec.charm().getDeclaredConstructor();
      constructor.setAccessible(true);
      return builder.charm(constructor.newInstance().get()).build();
    } catch (ReflectiveOperationException e) {
      throw new ParameterResolutionException("cannot make the charm with "
          + spec.charm().getName() + ": it needs a no-argument constructor (" + e + ")", e);
    }
  }

  private static Optional<CharmHarness> find(ParameterContext parameter, ExtensionContext context) {
    Optional<CharmHarness> found = parameter.findAnnotation(CharmHarness.class);
    if (found.isPresent()) {
      return found;
    }
    found = context.getTestMethod().flatMap(m -> annotation(m));
    if (found.isPresent()) {
      return found;
    }
    for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
      found = annotation(c);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<CharmHarness> annotation(AnnotatedElement element) {
    return AnnotationSupport.findAnnotation(element, CharmHarness.class);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeAll(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeAll(context);
  }

  private static void closeAll(ExtensionContext context) {
    Made made = context.getStore(NAMESPACE).remove(KEY, Made.class);
    if (made != null) {
      made.harnesses.forEach(Harness::close);
    }
  }
}
