package charms.reactive.fs.internal;

import com.hubspot.jinjava.interpret.DisabledException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;

/**
 * Takes the place of Jinjava's {@code render} filter, which renders a string as a template (Jinja2
 * has no such filter), so that a context value can never be evaluated through it. The engine's
 * configuration disables the filter too; this one makes the refusal independent of which
 * configuration a render ends up using. Always fails: the render reports "'render' is disabled"
 * for the template and line. Stateless and thread-safe.
 */
final class RefusedRenderFilter implements Filter {
  static final String NAME = "render";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
    throw new DisabledException(NAME);
  }
}
