package charms.reactive.fs;

import charms.reactive.HookEnvironment;
import charms.reactive.fs.internal.JinjavaRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a charm's Jinja2 templates ({@code .j2}) with Jinjava, so that templates written for
 * charmhelpers' {@code render()} render unchanged, and writes the result to a file.
 *
 * <pre>{@code
 * boolean changed = templates.render("app-config.j2", Path.of("/etc/app/app.conf"),
 *     Map.of("db", db, "admin_pass", password), FileAttributes.mode(0640).withOwner("app"));
 * }</pre>
 *
 * <p>Templates are looked up under one directory, by default {@code $CHARM_DIR/templates}
 * ({@link #forCharm}); {@code include}, {@code import} and {@code extends} resolve there too.
 *
 * <p><b>Strict by default:</b> an undefined variable (or a null value) is a {@link TemplateException}
 * naming the template and the line, where Jinja2's default would print nothing; {@code is defined}
 * and {@code default(...)} still guard optional values. {@link #lenient()} prints undefined
 * values as empty text, like Jinja2's default. A missing template (or included template) and a
 * syntax error fail in both modes.
 *
 * <p><b>Lazy:</b> Jinjava (about 400 ms of class loading in a cold JVM) is loaded when the first
 * template is rendered, never by merely registering or holding this object.
 *
 * <p>Immutable and thread-safe.
 */
public final class Templates {
  private final Path directory;
  private final boolean strict;

  private Templates(Path directory, boolean strict) {
    this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    this.strict = strict;
  }

  /** Strict templates under {@code directory}. */
  public static Templates in(Path directory) {
    return new Templates(directory, true);
  }

  /**
   * Strict templates under {@code $CHARM_DIR/templates} of the hook.
   *
   * @throws charms.reactive.ReactiveException if the charm directory is unknown
   */
  public static Templates forCharm(HookEnvironment environment) {
    return in(environment.charmDir().resolve("templates"));
  }

  /** The same templates, with undefined variables printed as empty text. */
  public Templates lenient() {
    return new Templates(directory, false);
  }

  /** The same templates, with undefined variables an error. */
  public Templates strict() {
    return new Templates(directory, true);
  }

  public boolean isStrict() {
    return strict;
  }

  public Path directory() {
    return directory;
  }

  /**
   * Renders the template and returns the text.
   *
   * @throws TemplateException naming the template if it cannot be rendered
   */
  public String renderToString(String template, Map<String, ?> context) {
    return JinjavaRenderer.render(directory, template, context, strict);
  }

  /**
   * Renders the template to {@code target} with mode {@code 0444} (charmhelpers' default); see
   * {@link #render(String, Path, Map, FileAttributes)}.
   */
  public boolean render(String template, Path target, Map<String, ?> context) {
    return render(template, target, context, FileAttributes.file());
  }

  /**
   * Renders the template and writes it to {@code target} as UTF-8, atomically and only if the
   * content differs ({@link HostFiles#write}); returns whether the file's content changed. As in
   * charmhelpers, a missing parent directory is created with mode {@code 0755} and the file's
   * owner and group. Nothing is written if rendering fails.
   *
   * @throws TemplateException naming the template if it cannot be rendered
   * @throws java.io.UncheckedIOException naming the target if it cannot be written
   */
  public boolean render(String template, Path target, Map<String, ?> context,
      FileAttributes attributes) {
    String text = renderToString(template, context);
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
      HostFiles.mkdir(parent, FileAttributes.directory().withOwner(attributes.owner())
          .withGroup(attributes.group()));
    }
    return HostFiles.write(target, text.getBytes(StandardCharsets.UTF_8), attributes);
  }

  @Override
  public String toString() {
    return "Templates[" + directory + (strict ? ", strict" : ", lenient") + "]";
  }
}
