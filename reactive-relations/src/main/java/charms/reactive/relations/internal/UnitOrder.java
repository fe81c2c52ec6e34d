package charms.reactive.relations.internal;

import charms.reactive.RelationRef;
import java.util.Comparator;

/**
 * The order of relations and units (numeric; the original sorted them as strings, so {@code db:10}
 * came before {@code db:2} and {@code app/10} before {@code app/2}): relations by endpoint, then
 * numeric id; unit names by application, then numeric unit number. Names that are not
 * {@code app/<n>} sort after the application's numbered units, by their text.
 */
public final class UnitOrder {
  public static final Comparator<RelationRef> RELATIONS = Comparator
      .comparing(RelationRef::endpoint, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparingInt(RelationRef::id);

  public static final Comparator<String> UNITS = UnitOrder::compareUnits;

  private UnitOrder() {
  }

  private static int compareUnits(String a, String b) {
    int slashA = a.lastIndexOf('/');
    int slashB = b.lastIndexOf('/');
    String appA = slashA < 0 ? a : a.substring(0, slashA);
    String appB = slashB < 0 ? b : b.substring(0, slashB);
    int byApp = appA.compareTo(appB);
    if (byApp != 0) {
      return byApp;
    }
    long numA = number(a, slashA);
    long numB = number(b, slashB);
    if (numA >= 0 && numB >= 0 && numA != numB) {
      return Long.compare(numA, numB);
    }
    if ((numA >= 0) != (numB >= 0)) {
      return numA >= 0 ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static long number(String unit, int slash) {
    String digits = slash < 0 ? "" : unit.substring(slash + 1);
    if (digits.isEmpty() || digits.length() > 18) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(digits);
  }

  /** The application part of a unit name ({@code mysql} for {@code mysql/0}). */
  public static String application(String unitName) {
    int slash = unitName.lastIndexOf('/');
    return slash < 0 ? unitName : unitName.substring(0, slash);
  }
}
