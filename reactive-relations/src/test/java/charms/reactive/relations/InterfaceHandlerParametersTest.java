package charms.reactive.relations;

import org.junit.jupiter.api.AfterEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.HandlerContext;
import charms.reactive.HookRun;
import charms.reactive.spi.ParameterResolver;
import charms.reactive.ReactiveCharm;
import charms.reactive.When;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interface handlers are read by the core's handler reader: a charm's {@link ParameterResolver}s
 * supply their parameters as they do a charm handler's, and {@code {endpoint_name}} is expanded.
 */
class InterfaceHandlerParametersTest {
  final List<TestUnit> units = new ArrayList<>();

  TestUnit track(TestUnit unit) {
    units.add(unit);
    return unit;
  }

  @AfterEach
  void closeUnits() {
    units.forEach(TestUnit::close);
  }

  @TempDir
  Path dir;

  /** A value only a custom resolver can supply. */
  record Greeting(String text) {
  }

  /** Resolves {@link Greeting} parameters with the handler's id, so a test can see who asked. */
  static final class GreetingResolver implements ParameterResolver {
    @Override
    public boolean supports(Parameter parameter) {
      return parameter.getType() == Greeting.class;
    }

    @Override
    public Object resolve(Parameter parameter, HandlerContext context) {
      return new Greeting("hello " + context.handlerId());
    }
  }

  /** An endpoint whose one interface handler takes a resolved parameter. */
  public static class Greeted extends Endpoint {
    final List<String> seen;

    public Greeted(List<String> seen) {
      this.seen = seen;
    }

    @When("endpoint.{endpoint_name}.joined")
    public void greet(Greeting greeting) {
      seen.add(endpointName() + ": " + greeting.text());
    }
  }

  @Test
  void anInterfaceHandlerGetsAParameterFromTheCharmsResolverWithItsPlaceholderExpanded() {
    List<String> seen = new ArrayList<>();
    TestUnit unit = track(new TestUnit(dir, "app/0", TestInterfaces.METADATA));
    unit.charm(ReactiveCharm.builder()
        .use(Relations.builder()
            .endpoint("pgsql", Role.REQUIRES, Greeted.class, () -> new Greeted(seen))
            .build())
        .parameterResolver(new GreetingResolver()) // registered after the relations module
        .build());
    unit.relation("db", 1, "pg").unit("pg/0", Map.of());
    HookRun run = unit.relationHook("db:1", "joined", "pg/0");
    assertTrue(run.succeeded(), () -> "" + run.error());
    String id = Greeted.class.getName() + ".greet";
    assertEquals(List.of("db: hello " + id + ":db"), seen,
        "only db is joined ({endpoint_name} expanded per relation); the resolver supplied the "
            + "greeting for the handler's own id");
    assertTrue(run.handlersRun().contains(id + ":db"));
    assertFalse(run.handlersRun().contains(id + ":replica"), "replica is not joined");
  }

  @Test
  void withoutTheResolverTheHookFailsNamingTheHandlerAndParameterType() {
    TestUnit unit = track(new TestUnit(dir, "app/0", TestInterfaces.METADATA));
    unit.charm(ReactiveCharm.builder()
        .use(Relations.builder()
            .endpoint("pgsql", Role.REQUIRES, Greeted.class, () -> new Greeted(new ArrayList<>()))
            .build())
        .build());
    unit.relation("db", 1, "pg").unit("pg/0", Map.of());
    HookRun run = unit.relationHook("db:1", "joined", "pg/0");
    assertFalse(run.succeeded());
    String message = run.error().orElseThrow().getMessage();
    assertTrue(message.contains(Greeted.class.getName() + ".greet:") && message.contains(
        Greeting.class.getName()), message);
  }
}
