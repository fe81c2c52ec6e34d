package charms.reactive.relations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the relation whose endpoint (or relation base) a handler parameter receives, when the
 * handler's flags do not tell it and the charm has several relations of the parameter's type:
 *
 * <pre>{@code
 * @When("db.database.available")
 * void render(@EndpointName("replica-db") PgsqlRequires replica) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface EndpointName {
  String value();
}
