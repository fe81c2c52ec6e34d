package charms.reactive.fs.internal;

import charms.reactive.KeyValueStore;
import charms.reactive.KeyValueView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The file digests each handler last completed with, kept in the framework records of owner
 * {@value #OWNER}: one record per handler id, an object mapping each watched file's absolute path
 * to its hex digest. A file that did not exist has no entry, which is also what a file never seen
 * has: the two mean the same. Reading never writes; writing happens only in
 * {@code onHandlerSuccess}, inside the hook's transaction.
 */
public final class FileHashRecords {
  /** The record owner in the unit state. */
  public static final String OWNER = "fs.files";

  private FileHashRecords() {
  }

  /** The digest stored for {@code file} by {@code handlerId}, if any. */
  public static Optional<String> stored(KeyValueView records, String handlerId, Path file) {
    return records.get(handlerId)
        .map(node -> node.get(file.toString()))
        .filter(JsonNode::isTextual)
        .map(JsonNode::textValue);
  }

  /**
   * Stores the digests of one handler's files (an empty digest removes the file's entry), keeping
   * the entries of files not named here.
   */
  public static void store(KeyValueStore records, String handlerId, Map<Path, Optional<String>> digests) {
    ObjectNode entries = records.get(handlerId).filter(JsonNode::isObject)
        .map(node -> ((ObjectNode) node).deepCopy())
        .orElseGet(JsonNodeFactory.instance::objectNode);
    digests.forEach((file, digest) -> {
      if (digest.isPresent()) {
        entries.put(file.toString(), digest.get());
      } else {
        entries.remove(file.toString());
      }
    });
    if (entries.isEmpty()) {
      records.unset(handlerId);
    } else {
      records.set(handlerId, entries);
    }
  }
}
