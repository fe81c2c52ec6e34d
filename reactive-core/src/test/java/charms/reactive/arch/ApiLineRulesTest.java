package charms.reactive.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.arch.fixture.api.Clean;
import charms.reactive.arch.fixture.api.LeakyReturn;
import charms.reactive.arch.fixture.api.LeakySupertype;
import charms.reactive.arch.fixture.api.LeakyTypeArgument;
import charms.reactive.arch.fixture.api.Unlisted;
import charms.reactive.arch.fixture.elsewhere.Stray;
import charms.reactive.arch.fixture.internal.Secret;
import charms.reactive.arch.fixture.internal.SecretBase;
import charms.reactive.arch.fixture.other.Intruder;
import charms.reactive.arch.fixture.other.Polite;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ApiLine} run on small fixture classes: it reports a deliberate violation
 * (naming the class and the member at fault) and passes a clean class, so the rules the modules
 * check cannot hold vacuously.
 */
class ApiLineRulesTest {
  static final String API = "charms.reactive.arch.fixture.api";

  /** The fixture module: one API package, its internal package. */
  static ApiLine fixture(String... listed) {
    return ApiLine.module("fixture").internal("charms.reactive.arch.fixture.internal..")
        .api(API, listed).build();
  }

  static JavaClasses classes(Class<?>... types) {
    return new ClassFileImporter().importClasses(types);
  }

  static List<String> violations(ArchRule rule, Class<?>... types) {
    EvaluationResult result = rule.evaluate(classes(types));
    return result.hasViolation() ? result.getFailureReport().getDetails() : List.of();
  }

  static void assertReported(List<String> violations, String... parts) {
    assertFalse(violations.isEmpty(), "the rule must report the violation");
    String all = String.join("\n", violations);
    for (String part : parts) {
      assertTrue(all.contains(part), () -> "'" + part + "' not in:\n" + all);
    }
  }

  @Test
  void anotherModuleUsingTheInternalPackageIsReported() {
    ApiLine other = ApiLine.module("other").internal("charms.reactive.arch.fixture.other.internal..").build();
    assertReported(violations(other.noForeignInternals(), Intruder.class, Polite.class),
        Intruder.class.getName(), Secret.class.getName());
    assertFalse(String.join("\n", violations(other.noForeignInternals(), Intruder.class, Polite.class))
        .contains(Polite.class.getName()), "the class that goes through the API is not reported");
    assertEquals(List.of(), violations(other.noForeignInternals(), Polite.class));
  }

  @Test
  void aModuleUsingItsOwnInternalPackageIsFine() {
    assertEquals(List.of(), violations(fixture("Clean").noForeignInternals(), Clean.class, Secret.class));
  }

  @Test
  void anInternalReturnTypeIsReported() {
    assertReported(violations(fixture("LeakyReturn").noInternalTypesInPublishedSignatures(), LeakyReturn.class),
        LeakyReturn.class.getName(), "secret() returns " + Secret.class.getName());
  }

  @Test
  void internalTypeArgumentsOfParametersAndProtectedFieldsAreReported() {
    List<String> v = violations(fixture("LeakyTypeArgument").noInternalTypesInPublishedSignatures(),
        LeakyTypeArgument.class);
    assertReported(v, "each() takes " + Secret.class.getName(),
        "field secrets has type " + Secret.class.getName());
  }

  @Test
  void anInternalSupertypeIsReported() {
    assertReported(violations(fixture("LeakySupertype").noInternalTypesInPublishedSignatures(),
        LeakySupertype.class), "extends " + SecretBase.class.getName());
  }

  @Test
  void internalTypesInPrivateAndPackagePrivateMembersAreFine() {
    assertEquals(List.of(), violations(fixture("Clean").noInternalTypesInPublishedSignatures(), Clean.class));
  }

  @Test
  void anUnlistedPublicTypeAndAListedTypeThatIsGoneAreReported() {
    List<String> v = violations(fixture("Clean", "Ghost").publishedPackagesHoldOnlyListedTypes(),
        Clean.class, Unlisted.class);
    assertReported(v, Unlisted.class.getName() + " is public but not listed",
        API + ".Ghost is listed but is no public type");
    assertFalse(String.join("\n", v).contains(Clean.class.getName() + " is public but not listed"));
  }

  @Test
  void exactlyTheListedTypesPass() {
    assertEquals(List.of(), violations(fixture("Clean", "Unlisted").publishedPackagesHoldOnlyListedTypes(),
        Clean.class, Unlisted.class, Secret.class));
  }

  @Test
  void aPublicTypeOutsideThePublishedAndInternalPackagesIsReported() {
    assertReported(violations(fixture("Clean").everyPublicTypeIsPublishedOrInternal(), Clean.class, Stray.class),
        Stray.class.getName() + " is public in charms.reactive.arch.fixture.elsewhere");
    assertEquals(List.of(), violations(fixture("Clean").everyPublicTypeIsPublishedOrInternal(),
        Clean.class, Secret.class, SecretBase.class));
  }

  @Test
  void internalMeansAnInternalSegmentOfAFrameworkPackage() {
    assertTrue(ApiLine.isInternal("charms.reactive.internal"));
    assertTrue(ApiLine.isInternal("charms.reactive.fs.internal.sub"));
    assertFalse(ApiLine.isInternal("charms.reactive.internalish"));
    assertFalse(ApiLine.isInternal("charms.reactive.spi"));
    assertFalse(ApiLine.isInternal("reactor.core.publisher.internal"));
  }
}
