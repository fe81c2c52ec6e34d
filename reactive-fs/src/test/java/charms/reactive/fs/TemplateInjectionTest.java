package charms.reactive.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No context value is ever evaluated as a template: config, relation data and environment values
 * are data, printed literally, as Jinja2 prints them, wherever they sit (top level, nested maps and
 * lists, JSON values) and whichever filter they pass through. Expected outputs are Jinja2 3.1.6's.
 */
class TemplateInjectionTest {
  static final String SECRET = "s3cr3t-token";

  @TempDir
  Path dir;
  Templates templates;

  @BeforeEach
  void setUp() throws IOException {
    templates = Templates.in(dir);
    Files.writeString(dir.resolve("secret.j2"), "SECRET FILE CONTENT");
  }

  /** Payload, and what evaluating it would have produced (which must never appear). */
  static Stream<Arguments> payloads() {
    return Stream.of(
        Arguments.of("A{{ 7*7 }}B", "A49B"),
        Arguments.of("{% for i in range(3) %}L{% endfor %}", "LLL"),
        Arguments.of("{{ CHARMS_REACTIVE_TOKEN }}", SECRET),
        Arguments.of("{{ ''.getClass() }}", "java.lang"),
        Arguments.of("{% include 'secret.j2' %}", "SECRET FILE"),
        Arguments.of("{% macro m() %}M{{ 'ACRO' }}-RAN{% endmacro %}{{ m() }}", "MACRO-RAN"),
        Arguments.of("{{ m() }}", "MACRO-RAN"),
        Arguments.of("{% set x = 'SET' ~ '-RAN' %}{{ x }}", "SET-RAN"),
        Arguments.of("{{ range(3)|join }}", "012"),
        Arguments.of("{%- raw %}{{ 6*7 }}{% endraw %}", "42"));
  }

  String render(String template, Map<String, ?> context) throws IOException {
    Files.writeString(dir.resolve("t.j2"), template);
    return templates.renderToString("t.j2", context);
  }

  Map<String, Object> context(String payload) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("CHARMS_REACTIVE_TOKEN", SECRET);
    context.put("v", payload);
    return context;
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void aTopLevelValueIsPrintedLiterallyThroughEveryCommonFilter(String payload, String evaluated)
      throws IOException {
    Map<String, Object> context = context(payload);
    assertEquals(payload, render("{{ v }}", context));
    assertEquals(payload, render("{{ v ~ '' }}", context));
    assertEquals(payload, render("{{ [v, v]|join('') }}", context).substring(payload.length()));
    assertEquals(payload.toUpperCase(), render("{{ v|upper }}", context));
    assertEquals(payload.toLowerCase(), render("{{ v|lower }}", context));
    assertEquals(payload, render("{{ v|trim }}", context));
    assertEquals(payload.replace("x", "y"), render("{{ v|replace('x', 'y') }}", context));
    assertEquals(payload, render("{{ v|default('d') }}", context));
    assertEquals(payload, render("{% if v %}{{ v }}{% endif %}", context));
    String stripped = render("{{ v|striptags }}", context);
    assertEquals(String.join(" ", payload.strip().split("\\s+")), stripped);
    String escaped = render("{{ v|e }}", context);
    assertFalse(escaped.contains(evaluated), escaped);
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void valuesInNestedMapsListsAndJsonAreNotEvaluated(String payload, String evaluated)
      throws IOException {
    Map<String, Object> context = context(payload);
    context.put("config", Map.of("motd", payload));
    context.put("units", List.of(Map.of("data", List.of(payload))));
    context.put("flag", new ObjectMapper().createObjectNode().put("value", payload));
    context.put("rec", new Holder(payload));
    String out = render("{{ config.motd }}|{{ config['motd'] }}|{{ units[0].data[0] }}|"
        + "{% for u in units %}{% for d in u.data %}{{ d }}{% endfor %}{% endfor %}|"
        + "{{ flag.value }}|{{ rec.text }}", context);
    assertEquals(String.join("|", payload, payload, payload, payload, payload, payload), out);
    String printed = render("{{ config }}{{ units }}", context);
    assertFalse(printed.contains(evaluated), printed);
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void valuesPassedToMacrosIncludesAndSetAreNotEvaluated(String payload, String evaluated)
      throws IOException {
    Files.writeString(dir.resolve("inc.j2"), "[{{ v }}]");
    Map<String, Object> context = context(payload);
    assertEquals("<" + payload + ">",
        render("{% macro show(x) %}<{{ x }}>{% endmacro %}{{ show(v) }}", context));
    assertEquals("[" + payload + "]", render("{% include 'inc.j2' %}", context));
    assertEquals(payload, render("{% set y = v %}{{ y }}", context));
    assertEquals("{" + payload + "}",
        render("{% macro box() %}{{ '{' ~ caller() ~ '}' }}{% endmacro %}"
            + "{% call box() %}{{ v }}{% endcall %}", context));
  }

  @Test
  void theEnvironmentAsContextCannotLeakTheChannelToken() throws IOException {
    // bash's render_template passes the caller's environment: a config value copied into an
    // environment variable must not be able to print another variable.
    Map<String, Object> environment = new LinkedHashMap<>();
    environment.put("CHARMS_REACTIVE_TOKEN", SECRET);
    environment.put("CONFIG_MOTD", "{{ CHARMS_REACTIVE_TOKEN }}");
    environment.put("CONFIG_ALL", "{% for k in [CHARMS_REACTIVE_TOKEN] %}{{ k }}{% endfor %}");
    String out = render("motd={{ CONFIG_MOTD }} all={{ CONFIG_ALL|striptags }}", environment);
    assertEquals("motd={{ CHARMS_REACTIVE_TOKEN }} "
        + "all={% for k in [CHARMS_REACTIVE_TOKEN] %}{{ k }}{% endfor %}", out);
    assertFalse(out.contains(SECRET));
  }

  @Test
  void striptagsStillStripsAsJinja2Does() throws IOException {
    assertEquals("{{ 7*7 }} & x \u00e9",
        render("{{ v|striptags }}", Map.of("v", "<b>{{ 7*7 }}</b> <!-- c -->&amp;  x\n&#233;")));
  }

  /**
   * The message names the templates directory, a random temporary path that may itself contain
   * "49"; only the rest of the message is searched for the evaluated payload.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void jinjavasRenderFilterIsNotAvailable(boolean strict) throws IOException {
    Templates mode = strict ? templates.strict() : templates.lenient();
    Files.writeString(dir.resolve("t.j2"), "{{ v|render }}");
    TemplateException e = assertThrows(TemplateException.class,
        () -> mode.renderToString("t.j2", Map.of("v", "{{ 7*7 }}")));
    assertRefused(e, dir);
  }

  /** The check above, from a directory whose own name contains the evaluated payload. */
  @Test
  void refusalIsJudgedWithoutTheDirectoryName() throws IOException {
    Path named = Files.createDirectories(dir.resolve("release-49"));
    Files.writeString(named.resolve("t.j2"), "{{ v|render }}");
    TemplateException e = assertThrows(TemplateException.class,
        () -> Templates.in(named).renderToString("t.j2", Map.of("v", "{{ 7*7 }}")));
    assertTrue(e.getMessage().contains(named.toString()), e.getMessage());
    assertRefused(e, named);
  }

  /**
   * Jinjava renders with the configuration of the interpreter current on the thread, if any: a
   * render started while another Jinjava (here one with its default configuration, where
   * "render" works and values are re-rendered) is rendering must still use this engine's rules,
   * on any thread, in both modes, and leave the outer interpreter in place.
   */
  @SuppressWarnings("deprecation") // Jinjava's push and pop of the current interpreter
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void anotherJinjavaRenderingOnTheThreadDoesNotEnableEvaluation(boolean strict) throws Exception {
    Templates mode = strict ? templates.strict() : templates.lenient();
    Files.writeString(dir.resolve("t.j2"), "{{ v|render }}");
    Files.writeString(dir.resolve("plain.j2"), "<{{ v }}>");
    Callable<Void> underOuterInterpreter = () -> {
      JinjavaInterpreter outer = new Jinjava().newInterpreter();
      JinjavaInterpreter.pushCurrent(outer);
      try {
        TemplateException e = assertThrows(TemplateException.class,
            () -> mode.renderToString("t.j2", Map.of("v", "{{ 7*7 }}")));
        assertRefused(e, dir);
        assertEquals("<{{ 7*7 }}>", mode.renderToString("plain.j2", Map.of("v", "{{ 7*7 }}")));
        assertSame(outer, JinjavaInterpreter.getCurrent());
      } finally {
        JinjavaInterpreter.popCurrent();
      }
      return null;
    };
    underOuterInterpreter.call();
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      other.submit(underOuterInterpreter).get();
    } finally {
      other.shutdownNow();
    }
  }

  private static void assertRefused(TemplateException e, Path directory) {
    String message = e.getMessage().replace(directory.toString(), "<dir>");
    assertTrue(message.contains("'render' is disabled"), message);
    assertFalse(message.contains("49"), message);
  }

  /** A record, as a charm would pass relation data. */
  public record Holder(String text) {
  }
}
