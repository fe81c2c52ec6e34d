package charms.reactive.juju;

import charms.reactive.CharmMetadata;
import charms.reactive.HookContext;
import charms.reactive.KeyValueStore;
import charms.reactive.ReactiveException;
import charms.reactive.internal.Json;
import charms.reactive.internal.YamlFiles;
import charms.reactive.spi.FrameworkRecords;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Checks the charm's {@code metadata.yaml} and {@code actions.yaml} when a hook starts, so a
 * malformed file fails the first hook with an error naming the file and the line, rather than
 * going unnoticed until some handler reads it (or never, in a charm without relations or before
 * its first action). A file that does not exist is not checked here.
 *
 * <p>The check is a function of the files' bytes, so it is not repeated while they stay the same:
 * a hook that checked them records their length and CRC-32 in the framework's records of the unit
 * state, committed with the hook (a hook that fails commits nothing, so its successor checks
 * again). A later hook that finds the same bytes skips parsing them: an idle hook then loads no
 * YAML parser. Any change of either file (an upgrade-charm, an edit) is checked again.
 * Stateless.
 */
final class CharmFiles {
  private CharmFiles() {
  }

  /** The record of the files last checked: their lengths and CRC-32s. */
  static final String RECORD = "charm-files";

  /**
   * The start callback: checks both files of the hook's charm directory, unless a committed hook
   * checked the same bytes.
   */
  static void validate(HookContext context) {
    Path dir = context.environment().charmDir();
    String metadata = fingerprint(dir.resolve("metadata.yaml"));
    String actions = fingerprint(dir.resolve("actions.yaml"));
    String fingerprint = metadata == null || actions == null ? null : metadata + " " + actions;
    KeyValueStore records = FrameworkRecords.of(context, Juju.RECORDS);
    if (fingerprint != null
        && records.get(RECORD).map(JsonNode::asText).orElse("").equals(fingerprint)) {
      return;
    }
    if (Files.exists(dir.resolve("metadata.yaml"))) {
      CharmMetadata.read(dir.resolve("metadata.yaml"));
    }
    validateActions(dir.resolve("actions.yaml"));
    if (fingerprint != null) {
      records.set(RECORD, Json.NODES.textNode(fingerprint));
    }
  }

  /**
   * A file's length and CRC-32, {@code -} when it does not exist, null when it cannot be read
   * (then it is checked, and the check reports why).
   */
  static String fingerprint(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return "-";
    } catch (IOException e) {
      return null;
    }
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return bytes.length + ":" + Long.toHexString(crc.getValue());
  }

  /**
   * {@code actions.yaml}: YAML whose top level is a mapping (or empty) of action names to a
   * mapping (or nothing).
   *
   * @throws ReactiveException naming the file, and the line of a syntax error
   */
  static void validateActions(Path file) {
    Object root;
    try {
      root = YamlFiles.load(file);
    } catch (NoSuchFileException e) {
      return;
    }
    if (root == null) {
      return;
    }
    if (!(root instanceof Map<?, ?> actions)) {
      throw new ReactiveException("malformed " + file + ": the top level must be a mapping of "
          + "action names");
    }
    actions.forEach((name, spec) -> {
      if (spec != null && !(spec instanceof Map<?, ?>)) {
        throw new ReactiveException("malformed " + file + ": action '" + name
            + "' must be a mapping");
      }
    });
  }
}
