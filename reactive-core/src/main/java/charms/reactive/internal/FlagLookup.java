package charms.reactive.internal;

/**
 * A hashed look-up of flag names already validated (a condition's, validated when it was made):
 * conditions ask whether a flag is set for every handler in every pass, so this skips validating
 * the name again and a sorted map's look-up, which grows with the number of flags.
 */
public interface FlagLookup {

  boolean containsValidName(String flag);
}
