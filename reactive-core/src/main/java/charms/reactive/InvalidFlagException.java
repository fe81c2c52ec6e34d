package charms.reactive;

import charms.reactive.spi.Quoting;

/** A flag name that is empty or holds whitespace, control characters or a misplaced placeholder. */
public final class InvalidFlagException extends ReactiveException {
  private static final long serialVersionUID = 1L;
  private final String flag;

  public InvalidFlagException(String flag, String problem) {
    super("invalid flag name " + quote(flag) + ": " + problem);
    this.flag = flag;
  }

  public String flag() {
    return flag;
  }

  private static String quote(String flag) {
    return Quoting.quote(flag, 200);
  }
}
