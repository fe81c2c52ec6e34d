package charms.reactive;

import charms.reactive.spi.Quoting;

/**
 * A data key (of the unit's key-value store) that is empty, longer than
 * {@link KeyValueStore#MAX_KEY_LENGTH} characters or holds a control character such as a newline.
 * The message quotes at most the key's first 80 characters, with control characters escaped.
 */
public final class InvalidKeyException extends ReactiveException {
  private static final long serialVersionUID = 1L;

  public InvalidKeyException(String key, String problem) {
    super("invalid data key " + Quoting.quote(key, 80) + ": " + problem);
  }
}
