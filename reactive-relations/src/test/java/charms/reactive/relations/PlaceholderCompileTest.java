package charms.reactive.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.When;
import charms.reactive.processor.HandlerIndexProcessor;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * The core's handler-index processor accepts {@code {endpoint_name}} in interface handler classes
 * (and writes their source-order index) while still rejecting it, and any invalid flag, elsewhere.
 */
class PlaceholderCompileTest {
  @TempDir
  Path tmp;

  record Result(boolean ok, List<String> errors, Path out) {
  }

  Result compile(String name, String source) throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path file = src.resolve(name);
    Files.writeString(file, source, StandardCharsets.UTF_8);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      fm.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
      fm.setLocation(StandardLocation.CLASS_PATH, classPath());
      JavaCompiler.CompilationTask task = javac.getTask(null, fm, diagnostics,
          List.of("--release", "17"), null, fm.getJavaFileObjectsFromFiles(List.of(file.toFile())));
      task.setProcessors(List.of(new HandlerIndexProcessor()));
      boolean ok = task.call();
      List<String> errors = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.toList());
      return new Result(ok, errors, out);
    }
  }

  static List<File> classPath() throws URISyntaxException {
    List<File> path = new ArrayList<>();
    for (Class<?> c : List.of(When.class, Endpoint.class, reactor.core.publisher.Flux.class,
        org.reactivestreams.Publisher.class, com.fasterxml.jackson.databind.JsonNode.class)) {
      path.add(new File(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }
    return path;
  }

  @Test
  void anEndpointSubclassMayUseThePlaceholderAndGetsItsIndex() throws Exception {
    Result r = compile("Req.java", String.join("\n",
        "package demo;",
        "import charms.reactive.*;",
        "public class Req extends charms.reactive.relations.Endpoint {",
        "  @When(\"endpoint.{endpoint_name}.joined\") public void second() { }",
        "  @WhenNot(\"{endpoint_name}.ready\") public void first() { }",
        "}"));
    assertTrue(r.ok(), () -> String.join("\n", r.errors()));
    assertEquals(List.of("second", "first"), Files.readAllLines(
        r.out().resolve("META-INF/charms.reactive/handlers/demo.Req.list")));
  }

  @Test
  void aSubclassOfAnEndpointSubclassToo() throws Exception {
    Result r = compile("Deep.java", String.join("\n",
        "package demo;",
        "import charms.reactive.*;",
        "public class Deep extends charms.reactive.relations.RequesterEndpoint {",
        "  @When(\"{endpoint_name}.x\") public void h() { }",
        "}"));
    assertTrue(r.ok(), () -> String.join("\n", r.errors()));
  }

  @Test
  void elsewhereThePlaceholderIsStillACompileError() throws Exception {
    Result r = compile("Plain.java", String.join("\n",
        "package demo;",
        "import charms.reactive.*;",
        "public class Plain {",
        "  @When(\"{endpoint_name}.joined\") public void h() { }",
        "}"));
    assertFalse(r.ok());
    assertTrue(r.errors().get(0).contains("{endpoint_name}.joined"), r.errors().toString());
  }

  @Test
  void anInvalidFlagInAnEndpointIsACompileErrorNamingTheDeclaredFlag() throws Exception {
    Result r = compile("Bad.java", String.join("\n",
        "package demo;",
        "import charms.reactive.*;",
        "public class Bad extends charms.reactive.relations.Endpoint {",
        "  @When(\"{endpoint_name}.has space\") public void h() { }",
        "}"));
    assertFalse(r.ok());
    assertEquals(1, r.errors().size(), r.errors()::toString);
    assertTrue(r.errors().get(0).contains("'{endpoint_name}.has space'"), r.errors().get(0));
  }
}
