package charms.reactive.juju;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CharmConfig} without a hook. (Binding config read from Juju is tested against the
 * harness's fake Juju: reactive-testing's {@code TypedConfigTest}.)
 */
class CharmConfigTest {
  @TempDir
  Path charmDir;

  @Test
  void notARecordIsRejected() throws IOException {
    Files.writeString(charmDir.resolve("config.yaml"), "options:\n  port: {type: int, default: 8080}\n");
    CharmConfig config = new CharmConfig(null, charmDir);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Record> notRecord = (Class) String.class;
    assertThrows(IllegalArgumentException.class, () -> config.as(notRecord));
  }
}
