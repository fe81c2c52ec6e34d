package charms.reactive.spi;

import charms.reactive.Condition;
import java.lang.annotation.Annotation;

/**
 * Makes a {@link Condition} from a {@link ConditionAnnotation}-marked annotation. Needs a public
 * no-argument constructor.
 */
public interface ConditionFactory<A extends Annotation> {

  Condition create(A annotation);
}
