package charms.reactive.fs;

import charms.reactive.spi.CharmExtension;
import charms.reactive.ReactiveCharm;
import java.util.Objects;

/**
 * Registers this module's services with a charm, for injection into handler parameters by type
 * and for {@code context.service(...)}:
 * <ul>
 *   <li>{@link ProcessRunner}: the real one by default;
 *   <li>{@link Services}: systemd control through that runner;
 *   <li>{@link Templates}: made per hook, on first use, for {@code $CHARM_DIR/templates} (strict
 *       unless {@link #withLenientTemplates()});
 *   <li>the {@code file:<path>} input of stable handlers (the file's SHA-256 digest) and the
 *       hook-scoped facts {@code file:<path>} ({@code @WhenChanged("file:/etc/app.conf")}): see
 *       the module README, "Files as stable inputs and facts".
 * </ul>
 *
 * <pre>{@code
 * ReactiveCharm.builder().use(FsExtension.defaults()).handlers(new MyCharm()).build().run();
 * }</pre>
 *
 * <p>Registering loads no template engine. Immutable.
 */
public final class FsExtension implements CharmExtension {
  private final ProcessRunner runner;
  private final boolean lenientTemplates;

  private FsExtension(ProcessRunner runner, boolean lenientTemplates) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.lenientTemplates = lenientTemplates;
  }

  /** Real processes, strict templates. */
  public static FsExtension defaults() {
    return new FsExtension(ProcessRunner.system(), false);
  }

  /** The same, running commands through {@code processRunner} (a recording one in tests). */
  public FsExtension withProcessRunner(ProcessRunner processRunner) {
    return new FsExtension(processRunner, lenientTemplates);
  }

  /** The same, with templates that print undefined variables as empty text. */
  public FsExtension withLenientTemplates() {
    return new FsExtension(runner, true);
  }

  @Override
  public void register(ReactiveCharm.Builder builder) {
    builder.service(ProcessRunner.class, runner);
    builder.inputReader("file", charms.reactive.fs.internal.FileFacts::digest);
    builder.onStart(charms.reactive.fs.internal.FileFacts::register);
    builder.service(Services.class, new Services(runner));
    boolean lenient = lenientTemplates;
    builder.hookService(Templates.class, hook -> {
      Templates templates = Templates.forCharm(hook.environment());
      return lenient ? templates.lenient() : templates;
    });
  }
}
