package charms.reactive.fs.internal;

import charms.reactive.fs.TemplateException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.Context.Library;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders with Jinjava, configured to behave like Jinja2's defaults. This is the only class that
 * touches Jinjava, and nothing refers to it until a template is rendered, so a hook that renders
 * nothing never loads Jinjava (about 400 ms of class loading). The engines live in the
 * {@link Engines} holder, made on first use, one per templates directory and strictness, and are
 * shared by later renders. Thread-safe.
 *
 * <p>Configuration: Jinja2's parsing and operator precedence, whitespace control and backslash
 * handling; iterating a mapping yields its keys; values print as Python's {@code str()} prints them
 * ({@code True}, {@code None}, {@code 1.0}, {@code ['a', 'b']}; see {@link PythonFilters}); no trim_blocks or lstrip_blocks; the trailing-newline and newline rules are
 * applied to every template's source by {@link TemplateSource}, including included and extended
 * ones, as Jinja2's loader does. Strict mode makes an undefined variable an error (a null value
 * is Python's None, not undefined); {@code is defined} and the {@code default} filter
 * still work on undefined names in both modes.
 *
 * <p>Context values are data: a value is printed as it is, never interpreted as template source,
 * whatever it contains ({@code {{ }}}, {@code {% %}}), also through filters.
 */
public final class JinjavaRenderer {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private JinjavaRenderer() {
  }

  /**
   * Renders template {@code name} from {@code directory} with {@code context}.
   *
   * @throws TemplateException naming the template (and the line) if it is missing or malformed,
   *     an included template is missing, or, when strict, a variable is undefined
   */
  public static String render(Path directory, String name, Map<String, ?> context, boolean strict) {
    String source = TemplateSource.load(directory, name);
    Jinjava jinjava = Engines.get(directory, strict);
    RenderResult result;
    List<JinjavaInterpreter> outer = detachCurrentInterpreters();
    try {
      result = jinjava.renderForResult(source, plain(context));
    } catch (RuntimeException e) {
      throw new TemplateException(name, "cannot render template " + name + ": " + e.getMessage(), e);
    } finally {
      reattach(outer);
    }
    List<String> problems = new ArrayList<>();
    for (TemplateError error : result.getErrors()) {
      if (strict || error.getSeverity() != com.hubspot.jinjava.interpret.TemplateError.ErrorType.WARNING) {
        problems.add(describe(error));
      }
    }
    if (!problems.isEmpty()) {
      throw new TemplateException(name, "cannot render template " + name + " from " + directory
          + ": " + String.join("; ", problems));
    }
    return result.getOutput();
  }

  /**
   * Jinjava renders with the configuration (and sees the variables) of the interpreter current on
   * the calling thread, if there is one, instead of the engine's: a render started from inside
   * another Jinjava render (a filter, a function, a leftover on a pooled thread) would lose this
   * engine's safety settings. The thread's interpreters are set aside for the render and restored
   * after it, so every render uses its own engine's configuration. (Jinjava deprecates the
   * push and pop it still offers; it has no other way to set an interpreter aside.)
   */
  @SuppressWarnings("deprecation")
  private static List<JinjavaInterpreter> detachCurrentInterpreters() {
    List<JinjavaInterpreter> outer = new ArrayList<>();
    for (JinjavaInterpreter current = JinjavaInterpreter.getCurrent(); current != null;
        current = JinjavaInterpreter.getCurrent()) {
      outer.add(current);
      JinjavaInterpreter.popCurrent();
    }
    return outer;
  }

  @SuppressWarnings("deprecation")
  private static void reattach(List<JinjavaInterpreter> outer) {
    for (int i = outer.size() - 1; i >= 0; i--) {
      JinjavaInterpreter.pushCurrent(outer.get(i));
    }
  }

  private static String describe(TemplateError error) {
    String message = error.getMessage() == null ? error.getReason().toString() : error.getMessage();
    String unknown = "Unknown token found: ";
    int at = message.indexOf(unknown);
    if (at >= 0) {
      message = "undefined variable '" + message.substring(at + unknown.length()).strip() + "'";
    }
    return (error.getLineno() > 0 ? "line " + error.getLineno() + ": " : "") + message;
  }

  /**
   * JSON values (flag values are JsonNode) and records become the plain maps, lists and scalars
   * Jinjava understands: it resolves {@code x.name} through bean getters only, so a record's
   * components would otherwise render as nothing. Maps and lists are copied with their values
   * converted; anything else (beans, strings, numbers) is passed as it is.
   */
  private static Map<String, Object> plain(Map<String, ?> context) {
    Map<String, Object> out = new LinkedHashMap<>();
    context.forEach((k, v) -> out.put(k, plainValue(v)));
    return out;
  }

  private static Object plainValue(Object value) {
    if (value == null) {
      return PythonValues.NONE;
    }
    if (value instanceof JsonNode || value instanceof Record) {
      return plainValue(PLAIN.convertValue(value, Object.class));
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, plainValue(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(plainValue(v)));
      return copy;
    }
    return value;
  }

  /** The engines, made when the first template is rendered (initialisation-on-demand holder). */
  private static final class Engines {
    private static final Map<String, Jinjava> BY_DIRECTORY = new ConcurrentHashMap<>();

    static Jinjava get(Path directory, boolean strict) {
      return BY_DIRECTORY.computeIfAbsent(strict + ":" + directory, k -> create(directory, strict));
    }

    private static Jinjava create(Path directory, boolean strict) {
      LegacyOverrides jinja2 = LegacyOverrides.newBuilder()
          .withEvaluateMapKeys(true)
          .withIterateOverMapKeys(true)
          .withUsePyishObjectMapper(true)
          .withUseNaturalOperatorPrecedence(true)
          .withParseWhitespaceControlStrictly(true)
          .withAllowAdjacentTextNodes(true)
          .withUseTrimmingForNotesAndExpressions(true)
          .withKeepNullableLoopValues(true)
          .withHandleBackslashInQuotesOnly(true)
          .build();
      JinjavaConfig config = JinjavaConfig.newBuilder()
          .withCharset(StandardCharsets.UTF_8)
          .withKeepTrailingNewline(true)
          .withTrimBlocks(false)
          .withLstripBlocks(false)
          .withFailOnUnknownTokens(strict)
          .withLegacyOverrides(jinja2)
          // A value is data, never template source: Jinjava would otherwise render a printed
          // value that contains "{{" or "{%" again, so config or relation data could run
          // expressions and read the whole context (the channel token in bash's environment).
          .withNestedInterpretationEnabled(false)
          // {{ ... }} prints values as Python's str() does (True, None, 1.0, ['a'], {'k': 1})
          .withExecutionMode(new PythonFilters.Mode())
          // Jinjava's own "render" filter renders a string as a template; Jinja2 has none.
          .withDisabled(Map.of(Library.FILTER, Set.of("render")))
          .build();
      Jinjava jinjava = new Jinjava(config);
      // Jinjava's striptags renders its input as a template before stripping; this one does not.
      jinjava.getGlobalContext().registerFilter(new LiteralStripTagsFilter());
      // The disabled "render" is also replaced by one that always fails, so no configuration
      // (strict or not, this engine's or another's) can bring Jinjava's back.
      jinjava.getGlobalContext().registerFilter(new RefusedRenderFilter());
      // The filters that turn values into text, as Jinja2's do.
      jinjava.getGlobalContext().registerFilter(new PythonFilters.Str());
      jinjava.getGlobalContext().registerFilter(new PythonFilters.Join());
      jinjava.getGlobalContext().registerFilter(new PythonFilters.Case(false));
      jinjava.getGlobalContext().registerFilter(new PythonFilters.Case(true));
      jinjava.getGlobalContext().registerFilter(new PythonFilters.Int());
      jinjava.getGlobalContext().registerFilter(new PythonFilters.ToJson());
      jinjava.getGlobalContext().registerExpTest(new PythonFilters.IsNone());
      jinjava.setResourceLocator(new DirectoryLocator(directory));
      return jinjava;
    }
  }

  /** Loads {@code include}, {@code import} and {@code extends} targets as Jinja2's loader would. */
  private static final class DirectoryLocator implements ResourceLocator {
    private final Path directory;

    DirectoryLocator(Path directory) {
      this.directory = directory;
    }

    @Override
    public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter)
        throws ResourceNotFoundException {
      try {
        return TemplateSource.load(directory, fullName);
      } catch (TemplateException e) {
        throw new ResourceNotFoundException(e.getMessage());
      }
    }
  }
}
