package charms.reactive.fs.internal;

import charms.reactive.spi.PythonJson;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.expression.ExpressionStrategy;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.filter.IntFilter;
import com.hubspot.jinjava.lib.filter.JoinFilter;
import com.hubspot.jinjava.lib.filter.ToJsonFilter;
import com.hubspot.jinjava.mode.ExecutionMode;
import com.hubspot.jinjava.tree.output.RenderedOutputNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The parts of Jinjava replaced so that values print as Jinja2 prints them: the output of
 * {@code {{ ... }}} and the filters {@code string}, {@code lower}, {@code upper}, {@code join},
 * {@code int} (of a boolean) and
 * {@code tojson}, and the {@code none} test. All stateless and thread-safe.
 */
final class PythonFilters {
  private PythonFilters() {
  }

  /**
   * {@code {{ expression }}}: the value as Python's {@code str()} prints it. The result is text,
   * never rendered again, whatever it holds.
   */
  static final class Output implements ExpressionStrategy {
    private static final long serialVersionUID = 1L;

    @Override
    public RenderedOutputNode interpretOutput(ExpressionToken token, JinjavaInterpreter interpreter) {
      Object value = interpreter.resolveELExpression(token.getExpr(), token.getLineNumber());
      return new RenderedOutputNode(value == null ? "" : PythonValues.str(value, interpreter));
    }
  }

  /** Installs {@link Output} in every render's context. */
  static final class Mode implements ExecutionMode {
    @Override
    public void prepareContext(Context context) {
      context.setExpressionStrategy(new Output());
    }
  }

  /** {@code string}: Python's {@code str()}. */
  static final class Str implements Filter {
    @Override
    public String getName() {
      return "string";
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
      return PythonValues.str(value, interpreter);
    }
  }

  /** {@code lower} and {@code upper} of Python's {@code str()} of the value ({@code True} is "true"). */
  static final class Case implements Filter {
    private final boolean upper;

    Case(boolean upper) {
      this.upper = upper;
    }

    @Override
    public String getName() {
      return upper ? "upper" : "lower";
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
      if (value == null) {
        return null;
      }
      String text = PythonValues.str(value, interpreter);
      return upper ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT);
    }
  }

  /** {@code join}: each item as Python's {@code str()}, then Jinjava's join. */
  static final class Join implements Filter {
    private final JoinFilter jinjava = new JoinFilter();

    @Override
    public String getName() {
      return "join";
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
      if (value instanceof Collection<?> items && args.length < 2) {
        List<Object> texts = new ArrayList<>(items.size());
        items.forEach(item -> texts.add(PythonValues.str(item, interpreter)));
        return String.join(args.length == 0 ? "" : args[0], texts.stream().map(String::valueOf).toList());
      }
      return jinjava.filter(value, interpreter, args);
    }
  }

  /** {@code int}: a boolean is 1 or 0, as in Python; the rest is Jinjava's. */
  static final class Int implements Filter {
    private final IntFilter jinjava = new IntFilter();

    @Override
    public String getName() {
      return "int";
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
      if (value instanceof Boolean b) {
        return b ? 1 : 0;
      }
      return jinjava.filter(value, interpreter, args);
    }
  }

  /**
   * {@code tojson}: Jinja2's {@code htmlsafe_json_dumps}, that is {@code json.dumps(value,
   * sort_keys=True)} with {@code <}, {@code >}, {@code &} and {@code '} escaped as {@code \\u003c}
   * and so on. Objects Python could not encode are left to Jinjava's filter.
   */
  static final class ToJson implements Filter {
    private final ToJsonFilter jinjava = new ToJsonFilter();

    @Override
    public String getName() {
      return "tojson";
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
      String json;
      try {
        json = PythonJson.dumps(PythonValues.withNulls(value));
      } catch (IllegalArgumentException notPythonLike) {
        return jinjava.filter(value, interpreter, args);
      }
      return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
          .replace("'", "\\u0027");
    }
  }

  /** {@code is none}: true for a null value, carried as Python's None. */
  static final class IsNone implements ExpTest {
    @Override
    public String getName() {
      return "none";
    }

    @Override
    public boolean evaluate(Object value, JinjavaInterpreter interpreter, Object... args) {
      return value == null || value == PythonValues.NONE;
    }
  }
}
