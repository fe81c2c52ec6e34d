package charms.reactive;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A stable handler: it runs when its condition holds <em>and</em> its inputs differ from those of
 * its last successful run, in this hook or any earlier one. Its inputs are the flags its
 * condition reads, with their values, plus {@link #inputs()}:
 *
 * <pre>{@code
 * @When("db.database.available")
 * @Stable(inputs = {"config:port", "leader:password", "relation:db:host", "file:/etc/app.conf"})
 * public void render(Templates templates) { ... }
 * }</pre>
 *
 * <p>Input specs are {@code kind:key}: {@code flag:<name>}, {@code data:<key>} (the charm's
 * key/value data), {@code config:<option>} and {@code leader:<key>} (with the Juju integration),
 * {@code relation:<endpoint>:<field>} (with reactive-relations), {@code file:<path>} (with
 * reactive-fs; compared by digest). The digest of the inputs is recorded with the unit state, in
 * the hook's transaction, only after the handler succeeded; a failed hook records nothing.
 * {@code @Stable(false)} opts a handler out of {@link DispatchSettings#stableByDefault()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Stable {

  /** False opts out of the charm's stable-by-default setting. */
  boolean value() default true;

  /** Declared inputs besides the flags the condition reads, as {@code kind:key}. */
  String[] inputs() default {};
}
