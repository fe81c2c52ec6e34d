package charms.reactive.fs;

import charms.reactive.spi.ConditionAnnotation;
import charms.reactive.fs.internal.FileChangedConditionFactory;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;

/**
 * Runs the handler when one of the files changed since this handler last completed
 * ({@code @when_file_changed}); see {@link FileChangedCondition} for the rules.
 *
 * <pre>{@code
 * @WhenFileChanged("/etc/app/app.conf")
 * public void restart(Services services) {
 *   services.restart("app");
 * }
 * }</pre>
 *
 * <p>Names are absolute or relative to the charm directory. Names known only at run time come
 * from {@link #suppliers()}: classes with a public no-argument constructor, made once when the
 * charm is built and asked for the name at each test. At least one file is required.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ConditionAnnotation(FileChangedConditionFactory.class)
public @interface WhenFileChanged {

  /** File names, absolute or relative to the charm directory. */
  String[] value() default {};

  /** Suppliers of file names (a {@link java.nio.file.Path} or a string), asked at each test. */
  Class<? extends Supplier<?>>[] suppliers() default {};

  /** The digest that compares contents. */
  HashAlgorithm hash() default HashAlgorithm.SHA256;
}
