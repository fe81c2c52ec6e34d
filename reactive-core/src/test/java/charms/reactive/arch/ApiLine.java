package charms.reactive.arch;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The line between a module's public packages and its internal ones, as ArchUnit rules; every
 * module's {@code ApiLineTest} declares its line and checks it.
 *
 * <p>A module publishes API packages (for charm and interface authors) and perhaps SPI packages
 * (for other modules of the framework and for tools such as the test harness), each with the exact
 * list of its public types; everything else lives in packages with an {@code internal} segment.
 * The rules:
 * <ol>
 *   <li>{@link #noForeignInternals}: the module's classes (main and test) depend on no
 *       {@code internal} package of the framework except the module's own.</li>
 *   <li>{@link #noInternalTypesInPublishedSignatures}: no public or protected member of a
 *       published type has an internal type in its signature (field types, parameters, return
 *       types, thrown exceptions, type arguments and bounds, supertypes).</li>
 *   <li>{@link #publishedPackagesHoldOnlyListedTypes}: a published package's public types are
 *       exactly the ones listed (an unlisted one fails, and so does a listed one that is gone).</li>
 *   <li>{@link #everyPublicTypeIsPublishedOrInternal}: a public type outside the published
 *       packages lives in an internal package, so a new package cannot leak unnoticed.</li>
 * </ol>
 * Immutable; build one with {@link #module}.
 */
public final class ApiLine {
  /** A package of the framework with an {@code internal} segment. */
  private static final Pattern INTERNAL = Pattern.compile("^charms\\.reactive(\\..+)?\\.internal(\\..+)?$");

  private final String module;
  private final String ownInternal;
  private final Map<String, Set<String>> api;
  private final Map<String, Set<String>> spi;

  private ApiLine(Builder b) {
    this.module = b.module;
    this.ownInternal = b.ownInternal;
    this.api = copy(b.api);
    this.spi = copy(b.spi);
  }

  private static Map<String, Set<String>> copy(Map<String, Set<String>> m) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, Set.copyOf(v)));
    return Map.copyOf(out);
  }

  /** Starts the line of the module called {@code name} (used in messages only). */
  public static Builder module(String name) {
    return new Builder(name);
  }

  /** Whether {@code packageName} is an internal package of the framework. */
  public static boolean isInternal(String packageName) {
    return INTERNAL.matcher(packageName).matches();
  }

  /**
   * The classes found where {@code anchors} were loaded from (a module's {@code target/classes},
   * its {@code target/test-classes}, or a jar), leaving out this rule set and its fixtures.
   */
  public static JavaClasses classesBeside(Class<?>... anchors) {
    Set<Location> locations = new LinkedHashSet<>();
    for (Class<?> anchor : anchors) {
      try {
        locations.add(Location.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()));
      } catch (URISyntaxException e) {
        throw new IllegalStateException("cannot locate the classes of " + anchor, e);
      }
    }
    ImportOption notTheRules = location -> !location.contains("/charms/reactive/arch/");
    return new ClassFileImporter().withImportOption(notTheRules).importLocations(locations);
  }

  /** The published packages: API first, then SPI. */
  public Set<String> publishedPackages() {
    Set<String> all = new LinkedHashSet<>(api.keySet());
    all.addAll(spi.keySet());
    return all;
  }

  private Set<String> listed(String packageName) {
    Set<String> names = new TreeSet<>(api.getOrDefault(packageName, Set.of()));
    names.addAll(spi.getOrDefault(packageName, Set.of()));
    return names;
  }

  /** Rule 1: the module's classes use no other module's internal packages. */
  public ArchRule noForeignInternals() {
    DescribedPredicate<JavaClass> foreignInternal = describe(
        "are in an internal package of the framework other than " + ownInternal,
        c -> isInternal(c.getPackageName()) && !resideInAPackage(ownInternal).test(c));
    return noClasses().should().dependOnClassesThat(foreignInternal)
        .because(module + " may use another module only through its API or SPI")
        .allowEmptyShould(true);
  }

  /** Rule 2: published types keep internal types out of their public and protected signatures. */
  public ArchRule noInternalTypesInPublishedSignatures() {
    return classes().that(published())
        .should(new ArchCondition<JavaClass>("expose no internal type in a public or protected signature") {
          @Override
          public void check(JavaClass c, ConditionEvents events) {
            for (String problem : internalTypesInSignature(c)) {
              events.add(SimpleConditionEvent.violated(c, c.getName() + ": " + problem));
            }
          }
        })
        .because("a charm author must never need a type of an internal package")
        .allowEmptyShould(true);
  }

  /** Rule 3: the published packages hold exactly the listed public types. */
  public ArchRule publishedPackagesHoldOnlyListedTypes() {
    Set<String> packages = publishedPackages();
    return classes().that(publicTopLevel())
        .and(describe("are in a published package of " + module, c -> packages.contains(c.getPackageName())))
        .should(new ArchCondition<JavaClass>("be listed as " + module + "'s API or SPI") {
          private final Set<String> seen = new TreeSet<>();

          @Override
          public void init(Collection<JavaClass> all) {
            seen.clear();
          }

          @Override
          public void check(JavaClass c, ConditionEvents events) {
            seen.add(c.getName());
            boolean listed = listed(c.getPackageName()).contains(c.getSimpleName());
            events.add(new SimpleConditionEvent(c, listed, c.getName()
                + (listed ? " is listed" : " is public but not listed: list it or move it to an internal package")));
          }

          @Override
          public void finish(ConditionEvents events) {
            for (String p : packages) {
              for (String name : listed(p)) {
                if (!seen.contains(p + "." + name)) {
                  events.add(SimpleConditionEvent.violated(p, p + "." + name
                      + " is listed but is no public type of the package"));
                }
              }
            }
          }
        })
        .allowEmptyShould(true);
  }

  /** Rule 4: every public type is published or lives in an internal package. */
  public ArchRule everyPublicTypeIsPublishedOrInternal() {
    Set<String> packages = publishedPackages();
    return classes().that(publicTopLevel())
        .should(new ArchCondition<JavaClass>("be in a published or an internal package") {
          @Override
          public void check(JavaClass c, ConditionEvents events) {
            boolean ok = packages.contains(c.getPackageName()) || isInternal(c.getPackageName());
            events.add(new SimpleConditionEvent(c, ok, c.getName() + (ok ? " is placed"
                : " is public in " + c.getPackageName() + ", which is neither published nor internal")));
          }
        })
        .allowEmptyShould(true);
  }

  /**
   * Checks every rule: rule 1 on {@code everything} (main and test classes), rules 2 to 4 on
   * {@code main}.
   *
   * @throws AssertionError listing the violations of the first broken rule
   */
  public void check(JavaClasses main, JavaClasses everything) {
    noForeignInternals().check(everything);
    noInternalTypesInPublishedSignatures().check(main);
    publishedPackagesHoldOnlyListedTypes().check(main);
    everyPublicTypeIsPublishedOrInternal().check(main);
  }

  private DescribedPredicate<JavaClass> published() {
    Set<String> packages = publishedPackages();
    return describe("are published types of " + module,
        c -> packages.contains(c.getPackageName()) && effectivelyPublic(c));
  }

  private static DescribedPredicate<JavaClass> publicTopLevel() {
    return describe("are public top-level types",
        c -> c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC));
  }

  private static boolean effectivelyPublic(JavaClass c) {
    for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
      if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return !c.isAnonymousClass() && !c.isLocalClass();
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  /** What in {@code c}'s visible signature names an internal type, one line each. */
  static List<String> internalTypesInSignature(JavaClass c) {
    List<String> problems = new ArrayList<>();
    c.getSuperclass().ifPresent(t -> internal(t).forEach(i -> problems.add("extends " + i)));
    for (JavaType t : c.getInterfaces()) {
      internal(t).forEach(i -> problems.add("implements " + i));
    }
    c.getTypeParameters().forEach(t -> internal(t).forEach(i -> problems.add("type parameter bound " + i)));
    for (JavaField f : c.getFields()) {
      if (visible(f.getModifiers()) && !f.getModifiers().contains(JavaModifier.SYNTHETIC)) {
        internal(f.getType()).forEach(i -> problems.add("field " + f.getName() + " has type " + i));
      }
    }
    for (JavaCodeUnit u : c.getCodeUnits()) {
      if (!visible(u.getModifiers()) || u.getModifiers().contains(JavaModifier.SYNTHETIC)
          || u.getModifiers().contains(JavaModifier.BRIDGE)) {
        continue;
      }
      String where = (u.isConstructor() ? "constructor" : u.getName() + "()");
      internal(u.getReturnType()).forEach(i -> problems.add(where + " returns " + i));
      for (JavaType p : u.getParameterTypes()) {
        internal(p).forEach(i -> problems.add(where + " takes " + i));
      }
      for (JavaClass thrown : u.getThrowsClause().getTypes()) {
        internal(thrown).forEach(i -> problems.add(where + " throws " + i));
      }
      u.getTypeParameters().forEach(t -> internal(t).forEach(i -> problems.add(where + " has type parameter bound " + i)));
    }
    return problems;
  }

  private static Collection<String> internal(JavaType type) {
    Set<String> found = new TreeSet<>();
    for (JavaClass raw : type.getAllInvolvedRawTypes()) {
      JavaClass base = raw.isArray() ? raw.getBaseComponentType() : raw;
      if (isInternal(base.getPackageName())) {
        found.add(base.getName());
      }
    }
    return found;
  }

  /** Collects a module's line. Not thread-safe. */
  public static final class Builder {
    private final String module;
    private String ownInternal;
    private final Map<String, Set<String>> api = new LinkedHashMap<>();
    private final Map<String, Set<String>> spi = new LinkedHashMap<>();

    private Builder(String module) {
      this.module = module;
    }

    /** The module's own internal packages, as an ArchUnit package pattern ({@code a.b.internal..}). */
    public Builder internal(String packagePattern) {
      this.ownInternal = packagePattern;
      return this;
    }

    /** An API package and every public type in it, by simple name. */
    public Builder api(String packageName, String... simpleNames) {
      api.computeIfAbsent(packageName, k -> new LinkedHashSet<>()).addAll(Arrays.asList(simpleNames));
      return this;
    }

    /** An SPI package and every public type in it, by simple name. */
    public Builder spi(String packageName, String... simpleNames) {
      spi.computeIfAbsent(packageName, k -> new LinkedHashSet<>()).addAll(Arrays.asList(simpleNames));
      return this;
    }

    public ApiLine build() {
      if (ownInternal == null) {
        throw new IllegalStateException(module + ": name the module's internal packages");
      }
      return new ApiLine(this);
    }
  }
}
