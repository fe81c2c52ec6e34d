package charms.reactive.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an annotation as a handler condition made by a {@link ConditionFactory}, so modules can
 * add their own condition annotations (reactive-fs's {@code @WhenFileChanged}, for example).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface ConditionAnnotation {
  Class<? extends ConditionFactory<?>> value();
}
