package charms.reactive.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.HandlerDefinitionException;
import charms.reactive.HookEnvironment;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.When;
import charms.reactive.state.MemoryStateStore;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotation processor, run by the system Java compiler on small charms written to a
 * temporary directory: the source-order index, and the compile errors for malformed handlers.
 */
class HandlerIndexProcessorTest {
  @TempDir
  Path tmp;

  /** The outcome of one compilation. */
  record Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path out) {

    List<Diagnostic<? extends JavaFileObject>> errors() {
      return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }

    List<String> errorMessages() {
      return errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    Path index(String binaryName) {
      return out.resolve("META-INF/charms.reactive/handlers/" + binaryName + ".list");
    }

    List<String> indexLines(String binaryName) throws IOException {
      return Files.readAllLines(index(binaryName), StandardCharsets.UTF_8);
    }

    String describe() {
      return diagnostics.stream().map(d -> d.getKind() + " line " + d.getLineNumber() + ": "
          + d.getMessage(Locale.ROOT)).collect(Collectors.joining("\n"));
    }
  }

  /** Compiles {@code sources} (file name to text) with the processor, or without it. */
  Compilation compile(Map<String, String> sources, boolean withProcessor) throws IOException {
    return compile(sources, withProcessor, List.of());
  }

  Compilation compile(Map<String, String> sources, boolean withProcessor, List<String> extraOptions)
      throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path out = Files.createDirectories(tmp.resolve("out"));
    List<File> files = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path p = src.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
      files.add(p.toFile());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      fm.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
      fm.setLocation(StandardLocation.CLASS_PATH, classPath());
      List<String> options = new ArrayList<>(List.of("--release", "17"));
      if (!withProcessor) {
        options.add("-proc:none");
      }
      options.addAll(extraOptions);
      JavaCompiler.CompilationTask task = javac.getTask(null, fm, diagnostics, options, null,
          fm.getJavaFileObjectsFromFiles(files));
      if (withProcessor) {
        task.setProcessors(List.of(new HandlerIndexProcessor()));
      }
      boolean ok = task.call();
      return new Compilation(ok, diagnostics.getDiagnostics(), out);
    }
  }

  Compilation compile(String fileName, String source) throws IOException {
    return compile(Map.of(fileName, source), true);
  }

  /** reactive-core's classes, then whatever this test runs with. */
  static List<File> classPath() {
    List<File> path = new ArrayList<>();
    try {
      path.add(new File(When.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        path.add(new File(entry));
      }
    }
    return path;
  }

  static final String CHARM = """
      package demo;

      import charms.reactive.*;

      public class Charm {
        public final java.util.List<String> ran = new java.util.ArrayList<>();

        @When("zeta")
        public void zulu() { ran.add("zulu"); }

        public void notAHandler() { }

        @WhenNot("zeta")
        public void alpha(Flags flags) { ran.add("alpha"); flags.set("zeta"); }

        @Hook("install")
        public void mike() { ran.add("mike"); }

        @OnlyOnce
        public void bravo() { ran.add("bravo"); }

        @Always
        public void charlie() { ran.add("charlie"); }

        public static class Inner {
          @When("x") public void yankee() { }
          @WhenAny({"x", "y"}) public void xray() { }
        }
      }
      """;

  static final String ALWAYS = """
      package demo;

      import charms.reactive.*;
      import charms.reactive.spi.*;
      import java.lang.annotation.*;

      @Retention(RetentionPolicy.RUNTIME)
      @Target(ElementType.METHOD)
      @ConditionAnnotation(Always.Factory.class)
      public @interface Always {
        final class Factory implements ConditionFactory<Always> {
          public Factory() { }
          @Override public Condition create(Always a) { return Conditions.whenNot("never.set"); }
        }
      }
      """;

  static final String PLAIN = """
      package demo;

      public class Plain {
        public void nothing() { }
      }
      """;

  Compilation compileDemo(boolean withProcessor) throws IOException {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("demo/Charm.java", CHARM);
    sources.put("demo/Always.java", ALWAYS);
    sources.put("demo/Plain.java", PLAIN);
    return compile(sources, withProcessor);
  }

  @Test
  void theIndexListsHandlerMethodsInSourceOrder() throws Exception {
    Compilation c = compileDemo(true);
    assertTrue(c.success(), c::describe);
    assertEquals(List.of(), c.errors());
    assertEquals(List.of("zulu", "alpha", "mike", "bravo", "charlie"), c.indexLines("demo.Charm"),
        "source order, not alphabetical (alpha, bravo, charlie, mike, zulu)");
    assertEquals(List.of("yankee", "xray"), c.indexLines("demo.Charm$Inner"),
        "a nested class is indexed under its binary name");
    assertFalse(Files.exists(c.index("demo.Plain")), "a class without handlers gets no index");
  }

  @Test
  void aCompiledCharmRegistersItsHandlersInSourceOrderAtRunTime() throws Exception {
    Compilation c = compileDemo(true);
    assertTrue(c.success(), c::describe);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {c.out().toUri().toURL()},
        getClass().getClassLoader())) {
      Object charm = loader.loadClass("demo.Charm").getConstructor().newInstance();
      MemoryStateStore store = new MemoryStateStore();
      ReactiveCharm reactive = ReactiveCharm.builder().handlers(charm).stateStore(e -> store)
          .log(e -> (level, message) -> { }).build();
      assertEquals(List.of("demo.Charm.zulu", "demo.Charm.alpha", "demo.Charm.mike", "demo.Charm.bravo",
          "demo.Charm.charlie"), reactive.handlers().stream().map(Handler::id).toList());

      HookRun run = reactive.execute(HookEnvironment.of(Map.of("JUJU_HOOK_NAME", "install",
          "CHARM_DIR", tmp.toString())));
      assertTrue(run.succeeded(), () -> run.error().toString());
      @SuppressWarnings("unchecked")
      List<String> ran = (List<String>) charm.getClass().getField("ran").get(charm);
      // hooks phase first; then alpha, bravo, charlie in source order; then zulu once zeta is set
      assertEquals(List.of("mike", "alpha", "bravo", "charlie", "zulu"), ran);
    }
  }

  @Test
  void withoutTheIndexRegisteringTheClassIsAnErrorThatSaysHowToEnableTheProcessor() throws Exception {
    Compilation c = compileDemo(false);
    assertTrue(c.success(), c::describe);
    assertFalse(Files.exists(c.index("demo.Charm")));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {c.out().toUri().toURL()},
        getClass().getClassLoader())) {
      Object charm = loader.loadClass("demo.Charm").getConstructor().newInstance();
      HandlerDefinitionException e = assertThrows(HandlerDefinitionException.class,
          () -> ReactiveCharm.builder().handlers(charm).build(),
          "never a silent alphabetical order");
      for (String part : List.of("demo.Charm", "no handler index",
          "META-INF/charms.reactive/handlers/demo.Charm.list", "annotationProcessorPaths",
          "-proc:full", "HandlerIndexProcessor")) {
        assertTrue(e.getMessage().contains(part), () -> "'" + part + "' not in: " + e.getMessage());
      }
      // a class without handler methods needs no index
      Object plain = loader.loadClass("demo.Plain").getConstructor().newInstance();
      assertEquals(List.of(), ReactiveCharm.builder().handlers(plain).build().handlers());
    }
  }

  @Test
  void anAnonymousClassMayHoldOneHandlerButNotSeveral() {
    Object one = new Object() {
      @When("a")
      public void only() { }
    };
    assertEquals(1, ReactiveCharm.builder().handlers(one).build().handlers().size(),
        "a single handler has no order to lose");
    Object two = new Object() {
      @When("a")
      public void first() { }

      @When("b")
      public void second() { }
    };
    HandlerDefinitionException e = assertThrows(HandlerDefinitionException.class,
        () -> ReactiveCharm.builder().handlers(two).build());
    assertTrue(e.getMessage().contains("is an anonymous or local class with several handler methods"),
        e::getMessage);
    assertTrue(e.getMessage().contains("declare them in a named (top-level or nested) class"), e::getMessage);
  }

  @Test
  void anIndexThatMissesAHandlerIsAnErrorNamingIt() throws Exception {
    Compilation c = compileDemo(true);
    assertTrue(c.success(), c::describe);
    // as after an incremental compilation without the processor: the old index stays behind
    Files.writeString(c.index("demo.Charm"), "zulu\nalpha\nmike\n", StandardCharsets.UTF_8);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {c.out().toUri().toURL()},
        getClass().getClassLoader())) {
      Object charm = loader.loadClass("demo.Charm").getConstructor().newInstance();
      HandlerDefinitionException e = assertThrows(HandlerDefinitionException.class,
          () -> ReactiveCharm.builder().handlers(charm).build());
      assertTrue(e.getMessage().contains("does not list bravo, charlie"), e::getMessage);
      assertTrue(e.getMessage().contains("out of date"), e::getMessage);
    }
  }

  // ---- compile errors ----

  @Test
  void givenTheMetadataAHookPatternThatMatchesNoHookIsACompileError() throws Exception {
    Path metadata = tmp.resolve("metadata.yaml");
    Files.writeString(metadata, "name: web\nrequires:\n  db:\n    interface: pgsql\n");
    String source = charmWith(
        "  @Hook(\"install\") public void fine() { }",
        "  @Hook(\"{requires:pgsql}-relation-{joined,changed}\") public void alsoFine() { }",
        "  @Hook(\"instal\") public void typo() { }");
    Compilation c = compile(Map.of("bad/Bad.java", source), true,
        List.of("-A" + HandlerIndexProcessor.METADATA_OPTION + "=" + metadata));
    assertOneErrorMentioning(c, "@Hook: hook pattern 'instal' can match no hook of charm web",
        "did you mean install?");
    assertEquals(8, c.errors().get(0).getLineNumber(), "reported on the typo's handler");

    Files.deleteIfExists(c.out().resolve("META-INF/charms.reactive/handlers/bad.Bad.list"));
    Compilation without = compile(Map.of("bad/Bad.java", source), true, List.of());
    assertTrue(without.success(), "without the metadata the pattern cannot be checked at compile time:\n"
        + without.describe());
  }

  static String charmWith(String... methodLines) {
    return "package bad;\n\nimport charms.reactive.*;\n\npublic class Bad {\n"
        + String.join("\n", methodLines) + "\n}\n";
  }

  Compilation compileBad(String... methodLines) throws IOException {
    return compile("bad/Bad.java", charmWith(methodLines));
  }

  void assertOneErrorMentioning(Compilation c, String... parts) {
    assertFalse(c.success(), "the compilation should fail:\n" + c.describe());
    assertEquals(1, c.errors().size(), c::describe);
    String message = c.errorMessages().get(0);
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "'" + part + "' not in: " + message);
    }
  }

  @Test
  void anInvalidFlagInWhenIsACompileErrorNamingTheFlag() throws Exception {
    Compilation c = compileBad(
        "  @When(\"ok\") public void fine() { }",
        "  @When({\"ok\", \"has space\"})",
        "  public void broken() { }");
    assertOneErrorMentioning(c, "has space", "@When");
    long line = c.errors().get(0).getLineNumber();
    assertTrue(line == 7 || line == 8, "the error points at the handler or its annotation, not line " + line);
  }

  @Test
  void invalidFlagsInEveryFlagAnnotationAreCompileErrors() throws Exception {
    Compilation c = compileBad(
        "  @WhenAll(\"tab\\there\") public void a() { }",
        "  @WhenAny(\"\") public void b() { }",
        "  @WhenNot(\"{endpoint_name}.joined\") public void c() { }",
        "  @WhenNone(\"new\\nline\") public void d() { }",
        "  @WhenNotAll(\"trailing \") public void e() { }");
    assertFalse(c.success());
    List<String> messages = c.errorMessages();
    assertEquals(5, messages.size(), c::describe);
    assertTrue(messages.get(0).contains("@WhenAll") && messages.get(0).contains("tab\\u0009here"), messages.get(0));
    assertTrue(messages.get(1).contains("@WhenAny") && messages.get(1).contains("''"), messages.get(1));
    assertTrue(messages.get(2).contains("@WhenNot") && messages.get(2).contains("{endpoint_name}.joined"), messages.get(2));
    assertTrue(messages.get(3).contains("@WhenNone") && messages.get(3).contains("new\\u000aline"), messages.get(3));
    assertTrue(messages.get(4).contains("@WhenNotAll") && messages.get(4).contains("'trailing '"), messages.get(4));
  }

  /**
   * A base class and a subclass whose handler uses the endpoint placeholder; the base is marked
   * {@code @InterfaceHandlerBase} or not. The base is named {@code Endpoint} in both cases, so the
   * processor is shown to go by the mark and not by a class name.
   */
  Compilation compileInterfaceHandlers(boolean marked) throws IOException {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("iface/Endpoint.java", "package iface;\n"
        + (marked ? "@charms.reactive.spi.InterfaceHandlerBase\n" : "")
        + "public abstract class Endpoint { }\n");
    sources.put("iface/Middle.java", "package iface;\npublic abstract class Middle extends Endpoint { }\n");
    sources.put("iface/Db.java", String.join("\n", "package iface;", "import charms.reactive.*;",
        "public class Db extends Middle {",
        "  @When(\"endpoint.{endpoint_name}.joined\") public void joined() { }",
        "  @Hook(\"{endpoint_name}-relation-changed\") public void changed() { }",
        "}", ""));
    return compile(sources, true);
  }

  @Test
  void aSubclassOfAClassMarkedInterfaceHandlerBaseMayUseTheEndpointPlaceholder() throws Exception {
    Compilation c = compileInterfaceHandlers(true);
    assertTrue(c.success(), c::describe);
    assertEquals(List.of("joined", "changed"), c.indexLines("iface.Db"));
  }

  @Test
  void withoutTheMarkTheEndpointPlaceholderIsACompileErrorWhateverTheBaseIsCalled() throws Exception {
    Compilation c = compileInterfaceHandlers(false);
    assertFalse(c.success(), "the placeholder must be refused outside a marked base's subclasses");
    assertTrue(c.errorMessages().stream().anyMatch(m -> m.contains("endpoint.{endpoint_name}.joined")),
        c::describe);
  }

  @Test
  void hookCombinedWithWhenIsACompileError() throws Exception {
    Compilation c = compileBad(
        "  @Hook(\"install\")",
        "  @When(\"ready\")",
        "  public void never() { }");
    assertOneErrorMentioning(c, "@Hook", "never run");
  }

  @Test
  void restrictedHandlersCombinedWithFlagsAreCompileErrors() throws Exception {
    Compilation c = compileBad(
        "  @CollectMetrics @WhenNot(\"x\") public void metrics() { }",
        "  @MeterStatusChanged @When(\"y\") public void meter() { }");
    assertFalse(c.success());
    assertEquals(2, c.errors().size(), c::describe);
    assertTrue(c.errorMessages().get(0).contains("@CollectMetrics"), c.errorMessages().get(0));
    assertTrue(c.errorMessages().get(1).contains("@MeterStatusChanged"), c.errorMessages().get(1));
  }

  @Test
  void anUnbalancedHookPatternIsACompileErrorNamingThePattern() throws Exception {
    assertOneErrorMentioning(compileBad("  @Hook(\"{a,b\") public void h() { }"), "{a,b", "@Hook");
  }

  @Test
  void otherMalformedHookPatternsAreCompileErrors() throws Exception {
    Compilation c = compileBad(
        "  @Hook(\"a}b\") public void closeOnly() { }",
        "  @Hook(\"{a{b}}\") public void nested() { }",
        "  @Hook({}) public void none() { }",
        "  @Hook(\"\") public void empty() { }");
    assertFalse(c.success());
    List<String> messages = c.errorMessages();
    assertEquals(4, messages.size(), c::describe);
    assertTrue(messages.get(0).contains("a}b"), messages.get(0));
    assertTrue(messages.get(1).contains("{a{b}}"), messages.get(1));
    assertTrue(messages.get(2).contains("at least one pattern"), messages.get(2));
    assertTrue(messages.get(3).contains("empty"), messages.get(3));
  }

  @Test
  void wellFormedHookPatternsCompile() throws Exception {
    Compilation c = compileBad(
        "  @Hook({\"install\", \"{db,cache}-relation-{joined,changed}\", \"{requires:mysql}-relation-joined\"})",
        "  public void h() { }");
    assertTrue(c.success(), c::describe);
    assertEquals(List.of("h"), c.indexLines("bad.Bad"));
  }

  @Test
  void overloadedHandlerMethodsAreACompileError() throws Exception {
    Compilation c = compileBad(
        "  @When(\"a\") public void handle() { }",
        "  @When(\"b\") public void handle(HookContext ctx) { }");
    assertOneErrorMentioning(c, "handle", "overloaded");
  }

  @Test
  void anOverloadThatIsNotAHandlerIsFine() throws Exception {
    Compilation c = compileBad(
        "  @When(\"a\") public void handle() { }",
        "  public void handle(String notAHandler) { }");
    assertTrue(c.success(), c::describe);
    assertEquals(List.of("handle"), c.indexLines("bad.Bad"));
  }

  @Test
  void aCleanCharmCompilesWithoutWarnings() throws Exception {
    Compilation c = compileDemo(true);
    assertTrue(c.success());
    List<Diagnostic<? extends JavaFileObject>> noisy = c.diagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE).toList();
    assertEquals(List.of(), noisy.stream().map(d -> d.getMessage(Locale.ROOT)).toList());
  }
}
