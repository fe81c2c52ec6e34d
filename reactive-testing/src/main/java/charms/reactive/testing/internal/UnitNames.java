package charms.reactive.testing.internal;

import java.util.regex.Pattern;

/** Juju's name rules ({@code juju/names}) for applications and units. */
public final class UnitNames {
  private static final String APP = "[a-z][a-z0-9]*(?:-[a-z0-9]*[a-z][a-z0-9]*)*";
  private static final Pattern APPLICATION = Pattern.compile(APP);
  private static final Pattern UNIT = Pattern.compile("(" + APP + ")/(0|[1-9][0-9]*)");

  private UnitNames() {
  }

  public static boolean isValidApplication(String name) {
    return APPLICATION.matcher(name).matches();
  }

  public static boolean isValidUnit(String name) {
    return UNIT.matcher(name).matches();
  }

  /** The application of a valid unit name. */
  public static String applicationOf(String unitName) {
    return unitName.substring(0, unitName.indexOf('/'));
  }
}
