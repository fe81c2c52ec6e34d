package charms.reactive;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the handler in a hook where one of these hook-scoped facts holds ({@link HookFacts}):
 * {@code config.<option>}, {@code config} (any option), {@code leader.<key>}, {@code leader},
 * {@code endpoint.<name>.<field>}, {@code endpoint.<name>} (any field),
 * {@code endpoint.<name>.departed}, {@code charm.upgraded}, {@code file:<path>} (with
 * reactive-fs). A fact holds only in the hook where the change was seen; the handler runs at most
 * once per hook for it, and nobody clears anything.
 *
 * <pre>{@code
 * @WhenChanged("config.port")
 * public void reopenPort(HookTools tools) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WhenChanged {

  /** The facts; the condition holds when any of them holds. */
  String[] value();
}
