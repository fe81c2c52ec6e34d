package charms.reactive.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Templates}: Jinja2 templates render as charmhelpers' {@code render()} renders them. Every
 * expected output below is what Jinja2 3.1.6 (the default Environment with a FileSystemLoader)
 * produces for the same template and context.
 */
class TemplatesTest {
  @TempDir
  Path charmDir;
  Path templatesDir;
  Templates templates;
  final Map<String, Object> context = new LinkedHashMap<>();

  @BeforeEach
  void setUp() throws IOException {
    templatesDir = Files.createDirectory(charmDir.resolve("templates"));
    templates = Templates.in(templatesDir);
    Map<String, Object> opts = new LinkedHashMap<>();
    opts.put("b", 2);
    opts.put("a", 1);
    context.put("port", 8080);
    context.put("db", Map.of("host", "10.0.0.1"));
    context.put("users", List.of("ann", "bob"));
    context.put("opts", opts);
    context.put("debug", true);
    context.put("name", "app");
    context.put("ratio", 0.5);
  }

  void template(String name, String text) throws IOException {
    Path file = templatesDir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  String render(String text) throws IOException {
    template("t.j2", text);
    return templates.renderToString("t.j2", context);
  }

  @Test
  void variablesAndAttributesAndOneTrailingNewlineRemoved() throws IOException {
    assertEquals("port=8080\nhost=10.0.0.1", render("port={{ port }}\nhost={{ db.host }}\n"));
    assertEquals("two newlines\n", render("two newlines\n\n"));
    assertEquals("no newline", render("no newline"));
  }

  @Test
  void newlinesAreNormalisedAsJinja2Does() throws IOException {
    assertEquals("line1\nline2", render("line1\r\nline2\r\n"));
  }

  @Test
  void loopsConditionsAndMappings() throws IOException {
    assertEquals("1:ann\n2:bob\n", render("{% for u in users %}{{ loop.index }}:{{ u }}\n{% endfor %}"));
    assertEquals("b=2\na=1\n", render("{% for k, v in opts.items() %}{{ k }}={{ v }}\n{% endfor %}"));
    assertEquals("b;a;", render("{% for k in opts %}{{ k }};{% endfor %}\n"));
    assertEquals("debug on", render("{% if debug %}debug on{% else %}debug off{% endif %}\n"));
    assertEquals("trimmed\nend", render("{%- if debug -%}\n  trimmed\n{%- endif %}\nend\n"));
  }

  @Test
  void filtersAndExpressions() throws IOException {
    assertEquals("APP app dflt ann,bob 2", render("{{ name | upper }} {{ name | default(\"x\") }} "
        + "{{ missing | default(\"dflt\") }} {{ users | join(\",\") }} {{ users | length }}\n"));
    assertEquals("8081 16160 3 3.5", render("{% set x = port + 1 %}{{ x }} {{ port * 2 }} {{ 7 // 2 }} {{ 7 / 2 }}\n"));
    assertEquals("a-3 ['a', 'b'] app!", render("{{ \"%s-%d\" | format(\"a\", 3) }} {{ \"a,b\".split(\",\") }} {{ name ~ \"!\" }}\n"));
    assertEquals("0.50 0.5 8080x6", render("{{ \"%.2f\" | format(ratio) }} {{ ratio | round(1) }} {{ port | string }}x{{ \"5\" | int + 1 }}\n"));
  }

  @Test
  void includeImportExtendsAndMacrosFollowJinja2sLoader() throws IOException {
    template("conf/part.j2", "port={{ port }}\nhost={{ db.host }}\n");
    assertEquals("\nport=8080\nhost=10.0.0.1\n---", render("{# comment #}\n{% include \"conf/part.j2\" %}\n---\n"));
    template("macros.j2", "{% macro kv(k, v) %}{{ k }}={{ v }}{% endmacro %}\n");
    assertEquals("k=2", render("{% import \"macros.j2\" as m %}{{ m.kv(\"k\", 2) }}\n"));
    template("base.j2", "<{% block body %}default{% endblock %}>\n");
    assertEquals("<child app>", render("{% extends \"base.j2\" %}{% block body %}child {{ name }}{% endblock %}\n"));
    assertEquals("a: 1", render("{% macro kv(k, v) %}{{ k }}: {{ v }}{% endmacro %}{{ kv(\"a\", 1) }}\n"));
  }

  @Test
  void jsonValuesInTheContextBehaveLikeMapsAndLists() throws IOException {
    context.put("db", new ObjectMapper().readTree("{\"host\": \"10.0.0.9\", \"ports\": [1, 2]}"));
    assertEquals("10.0.0.9 1,2", render("{{ db.host }} {{ db.ports | join(\",\") }}"));
  }

  /** A database's address as a Java charm would model it. */
  record Db(String host, int port) {
  }

  @Test
  void recordsRenderByTheirComponentsAtAnyDepth() throws IOException {
    context.put("db", new Db("10.0.0.7", 5432));
    context.put("replicas", List.of(new Db("a", 1), new Db("b", 2)));
    assertEquals("10.0.0.7:5432 a:1,b:2,", render(
        "{{ db.host }}:{{ db.port }} {% for r in replicas %}{{ r.host }}:{{ r.port }},{% endfor %}"));
  }

  @Test
  void strictByDefaultAnUndefinedVariableIsAnErrorNamingTemplateLineAndVariable() throws IOException {
    template("app-config.j2", "[main]\npassword = {{ admin_pass }}\n");
    TemplateException e = assertThrows(TemplateException.class,
        () -> templates.renderToString("app-config.j2", context));
    assertEquals("app-config.j2", e.template());
    assertTrue(e.getMessage().contains("app-config.j2") && e.getMessage().contains("line 2")
        && e.getMessage().contains("undefined variable 'admin_pass'"), e.getMessage());
  }

  @Test
  void strictModeStillAllowsTheGuardsForOptionalValues() throws IOException {
    assertEquals("U dflt", render("{% if missing is defined %}D{% else %}U{% endif %} {{ missing | default(\"dflt\") }}"));
  }

  @Test
  void lenientModePrintsUndefinedAsNothingLikeJinja2sDefault() throws IOException {
    template("t.j2", "a\n[{{ nope }}][{{ db.nope }}]\n");
    assertEquals("a\n[][]", templates.lenient().renderToString("t.j2", context));
    assertFalse(templates.lenient().isStrict());
    assertTrue(templates.lenient().strict().isStrict());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "true | missing.j2",
      "false | missing.j2"})
  void aMissingTemplateIsAnErrorInBothModes(boolean strict, String name) {
    Templates t = strict ? templates : templates.lenient();
    TemplateException e = assertThrows(TemplateException.class, () -> t.renderToString(name, context));
    assertEquals("template missing.j2 not found in " + templatesDir, e.getMessage());
  }

  @Test
  void aMissingIncludeAndASyntaxErrorAreErrorsInBothModes() throws IOException {
    template("inc.j2", "x {% include \"gone.j2\" %}\n");
    template("bad.j2", "{% if debug %}open\n");
    for (Templates t : List.of(templates, templates.lenient())) {
      TemplateException e = assertThrows(TemplateException.class, () -> t.renderToString("inc.j2", context));
      assertTrue(e.getMessage().contains("inc.j2") && e.getMessage().contains("gone.j2"), e.getMessage());
      e = assertThrows(TemplateException.class, () -> t.renderToString("bad.j2", context));
      assertTrue(e.getMessage().contains("bad.j2") && e.getMessage().contains("endif"), e.getMessage());
    }
  }

  @Test
  void namesCannotClimbOutOfTheTemplatesDirectory() throws IOException {
    Files.writeString(charmDir.resolve("secret.j2"), "secret");
    TemplateException e = assertThrows(TemplateException.class,
        () -> templates.renderToString("../secret.j2", context));
    assertTrue(e.getMessage().contains("'..'"), e.getMessage());
  }

  @Test
  void renderWritesTheFileOnlyWhenItChangesAndReportsIt() throws IOException {
    template("app.j2", "port={{ port }}\n");
    Path target = charmDir.resolve("etc/app/app.conf");
    assertTrue(templates.render("app.j2", target, context, FileAttributes.mode(0640)));
    assertEquals("port=8080", Files.readString(target));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(target.getParent())), "created like charmhelpers: 0755");

    assertFalse(templates.render("app.j2", target, context, FileAttributes.mode(0640)));
    context.put("port", 9090);
    assertTrue(templates.render("app.j2", target, context, FileAttributes.mode(0640)));
    assertEquals("port=9090", Files.readString(target));
  }

  @Test
  void renderUsesCharmhelpersDefaultModeAndWritesNothingWhenRenderingFails() throws IOException {
    template("app.j2", "port={{ port }}\n");
    Path target = charmDir.resolve("app.conf");
    templates.render("app.j2", target, context);
    assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));

    template("broken.j2", "{{ undefined_thing }}");
    Path untouched = charmDir.resolve("other.conf");
    assertThrows(TemplateException.class, () -> templates.render("broken.j2", untouched, context));
    assertFalse(Files.exists(untouched));
  }

  @Test
  void forCharmLooksInTheCharmsTemplatesDirectory() {
    Templates t = Templates.forCharm(FsCharms.hook("install", charmDir));
    assertEquals(templatesDir.toAbsolutePath().normalize(), t.directory());
    assertTrue(t.isStrict());
  }
}
