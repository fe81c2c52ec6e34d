package charms.reactive.fs;

import charms.reactive.ReactiveException;

/**
 * A template could not be rendered: it is missing, malformed, or (in strict mode) uses an
 * undefined variable. The message names the template, and the line where Jinjava knows it.
 */
public final class TemplateException extends ReactiveException {
  private static final long serialVersionUID = 1L;
  private final String template;

  public TemplateException(String template, String message) {
    super(message);
    this.template = template;
  }

  public TemplateException(String template, String message, Throwable cause) {
    super(message, cause);
    this.template = template;
  }

  /** The template's name, as given to {@link Templates}. */
  public String template() {
    return template;
  }
}
