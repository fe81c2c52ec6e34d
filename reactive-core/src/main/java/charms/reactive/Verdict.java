package charms.reactive;

/**
 * The result of testing a condition: whether it holds, and why. The reason is kept in two parts
 * and joined only when shown, so that testing thousands of handlers per iteration allocates no
 * strings.
 *
 * @param holds whether the condition holds
 * @param reason a short text such as {@code "flag not set: "}
 * @param detail what the reason is about (a flag, a list of flags), or null
 */
public record Verdict(boolean holds, String reason, Object detail) {

  private static final Verdict HOLDS = new Verdict(true, "condition holds", null);

  public static Verdict met() {
    return HOLDS;
  }

  public static Verdict met(String reason, Object detail) {
    return new Verdict(true, reason, detail);
  }

  public static Verdict unmet(String reason, Object detail) {
    return new Verdict(false, reason, detail);
  }

  /** The reason as one line of text. */
  public String describe() {
    return detail == null ? reason : reason + detail;
  }
}
