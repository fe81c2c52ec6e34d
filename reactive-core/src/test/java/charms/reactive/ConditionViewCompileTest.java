package charms.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A condition cannot change state by type: code that tries to write through its
 * {@link ConditionContext} does not compile. Compiled here with the JDK's compiler against this
 * module's classes, as a charm author's condition would be.
 */
class ConditionViewCompileTest {

  private static final String READS = "context.flags().isSet(\"a\"); context.flags().value(\"a\");"
      + " context.flags().list(); context.data().get(\"k\"); charms.reactive.spi.FrameworkRecords.of(context, \"once\").getByPrefix(\"\");"
      + " context.hookName(); context.environment(); context.handlerId(); context.phase();";

  @Test
  void aConditionThatOnlyReadsCompiles() {
    assertEquals(List.of(), errors(READS));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "context.flags().set(\"x\");",
      "context.flags().clear(\"x\");",
      "context.flags().toggle(\"x\", true);",
      "context.flags().registerTrigger(null);",
      "context.data().set(\"k\", 1);",
      "context.data().unset(\"k\");",
      "charms.reactive.spi.FrameworkRecords.of(context, \"once\").set(context.handlerId(), true);",
      "context.atExit(null);",
      "context.log();",
  })
  void aConditionThatWritesDoesNotCompile(String write) {
    List<String> errors = errors(write);
    assertEquals(1, errors.size(), () -> write + ": " + errors);
    assertTrue(errors.get(0).contains("cannot find symbol"), errors.get(0));
  }

  /** The compiler's errors for a condition whose test runs {@code body}. */
  private static List<String> errors(String body) {
    String source = "package probe;\n"
        + "import charms.reactive.*;\n"
        + "public class Probe implements Condition {\n"
        + "  public Verdict test(ConditionContext context) {\n"
        + "    " + body + "\n"
        + "    return Verdict.met();\n"
        + "  }\n"
        + "  public String describe() { return \"probe\"; }\n"
        + "}\n";
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///probe/Probe.java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    List<String> options = new ArrayList<>(List.of("-proc:none", "-d",
        System.getProperty("java.io.tmpdir"), "-classpath", classPath()));
    compiler.getTask(null, null, diagnostics, options, null, List.of(file)).call();
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(null))
        .collect(Collectors.toList());
  }

  /** This module's classes and the libraries its API names (Jackson, Reactor). */
  private static String classPath() {
    List<String> entries = new ArrayList<>();
    for (Class<?> c : List.of(ConditionContext.class, com.fasterxml.jackson.databind.JsonNode.class,
        com.fasterxml.jackson.core.TreeNode.class, org.reactivestreams.Publisher.class,
        reactor.core.publisher.Mono.class)) {
      try {
        entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (java.net.URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
