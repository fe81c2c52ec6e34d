package charms.reactive.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values print as Jinja2 prints them, so a {@code .j2} template written for a Python charm renders
 * byte-identically from the same context: every expected string below is Jinja2 3.1.6's output
 * for the same template with the context {@code t=True, f=False, n=None, l=['a', 'b'],
 * d={'k': 1}, fl=1.0, fl2=0.5, i=3, s='Hi There', e='', nested={'a': [1, 2.0, True, None, 'x']},
 * li=[True, None, 1.5], big=2.5e16, q="it's", bs='a\\b', nl='a\nb', html="a<b>&'c"}.
 */
class TemplatePythonValuesTest {
  @TempDir
  Path dir;
  final Map<String, Object> context = new LinkedHashMap<>();

  @BeforeEach
  void context() {
    context.put("t", true);
    context.put("f", false);
    context.put("n", null);
    context.put("l", List.of("a", "b"));
    context.put("d", Map.of("k", 1));
    context.put("fl", 1.0);
    context.put("fl2", 0.5);
    context.put("i", 3);
    context.put("s", "Hi There");
    context.put("e", "");
    context.put("nested", Map.of("a", new ArrayList<>(Arrays.asList(1, 2.0, true, null, "x"))));
    context.put("li", Arrays.asList(true, null, 1.5));
    context.put("big", 2.5e16);
    context.put("q", "it's");
    context.put("bs", "a\\b");
    context.put("nl", "a\nb");
    context.put("html", "a<b>&'c");
  }

  String render(Templates templates, String text) throws IOException {
    Files.writeString(dir.resolve("t.j2"), text);
    return templates.renderToString("t.j2", context);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '\u00a6', quoteCharacter = '`', value = {
      "{{ t }}|{{ f }}|{{ n }}                 ¦ True|False|None",
      "{{ l }}                                 ¦ ['a', 'b']",
      "{{ d }}                                 ¦ {'k': 1}",
      "{{ fl }}|{{ fl2 }}|{{ i }}              ¦ 1.0|0.5|3",
      "{{ nested }}                            ¦ {'a': [1, 2.0, True, None, 'x']}",
      "{{ li }}                                ¦ [True, None, 1.5]",
      "{{ big }}                               ¦ 2.5e+16",
      "{{ [q, bs, nl] }}                       ¦ [\"it's\", 'a\\\\b', 'a\\nb']",
      "{{ n|default('d') }}|{{ undefined_x|default('d') }}|{{ e|default('d') }}|{{ e|default('d', true) }}|{{ f|default('d', true) }} ¦ None|d||d|d",
      "{{ l|join(',') }}|{{ li|join(',') }}|{{ [1, 2.0]|join }} ¦ a,b|True,None,1.5|12.0",
      "{{ s|lower }}|{{ s|upper }}|{{ t|lower }}|{{ f|upper }}|{{ s|replace('Hi','Bye') }} ¦ hi there|HI THERE|true|FALSE|Bye There",
      "{{ '42'|int }}|{{ 'x'|int }}|{{ '3.7'|int }}|{{ fl|int }}|{{ t|int }} ¦ 42|0|3|1|1",
      "{{ t|string }}|{{ n|string }}|{{ fl|string }} ¦ True|None|1.0",
      "{{ d|tojson }}|{{ l|tojson }}|{{ t|tojson }}|{{ n|tojson }}|{{ fl|tojson }}|{{ html|tojson }} ¦ {\"k\": 1}|[\"a\", \"b\"]|true|null|1.0|\"a\\u003cb\\u003e\\u0026\\u0027c\"",
      "{{ nested|tojson }}                     ¦ {\"a\": [1, 2.0, true, null, \"x\"]}",
      "{% if n %}y{% else %}n{% endif %}|{{ n is none }}|{{ n is defined }}|{{ t is none }} ¦ n|True|True|False",
      "{{ 1 == 1.0 }}|{{ not t }}              ¦ True|False"})
  void printsAsJinja2InBothModes(String template, String jinja2) throws IOException {
    assertEquals(jinja2, render(Templates.in(dir), template.strip()), "strict");
    assertEquals(jinja2, render(Templates.in(dir).lenient(), template.strip()), "lenient");
  }

  @Test
  void jsonAndRecordValuesPrintAsTheirPythonEquivalents() throws IOException {
    context.put("flag", new ObjectMapper().readTree("{\"ready\": true, \"port\": null, \"r\": 0.25}"));
    context.put("rec", new Pair("x", false));
    assertEquals("True|None|0.25|{'name': 'x', 'on': False}",
        render(Templates.in(dir), "{{ flag.ready }}|{{ flag.port }}|{{ flag.r }}|{{ rec }}"));
  }

  @Test
  void anUndefinedNameIsStillAnErrorWhenStrictAndNothingWhenLenient() throws IOException {
    assertThrows(TemplateException.class, () -> render(Templates.in(dir), "{{ missing }}"));
    assertEquals("[]", render(Templates.in(dir).lenient(), "[{{ missing }}]"));
  }

  /** A record, as a charm might pass. */
  public record Pair(String name, boolean on) {
  }
}
