package charms.reactive.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a base class whose subclasses declare interface handlers: handlers that a module
 * registers once per endpoint of the charm, with the {@code {endpoint_name}} placeholder in their
 * flag names and hook patterns replaced by the endpoint's name before any flag reaches the core
 * (reactive-relations marks its {@code Endpoint} and {@code RelationBase} this way).
 *
 * <p>The handler index processor accepts the placeholder in a handler method of a class that
 * extends a marked class (directly or not), and rejects it everywhere else as an invalid flag
 * name. The mark is read from the superclass chain only; marking an interface has no effect.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InterfaceHandlerBase {
}
