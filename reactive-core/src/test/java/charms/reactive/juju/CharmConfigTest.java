package charms.reactive.juju;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@link CharmConfig} without a hook. (Binding config read from Juju is tested against the
 * harness's fake Juju: reactive-testing's {@code TypedConfigTest}.)
 */
class CharmConfigTest {
  @Test
  void notARecordIsRejected() {
    CharmConfig config = new CharmConfig(null, Path.of("."));
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Record> notRecord = (Class) String.class;
    assertThrows(IllegalArgumentException.class, () -> config.as(notRecord));
  }
}
