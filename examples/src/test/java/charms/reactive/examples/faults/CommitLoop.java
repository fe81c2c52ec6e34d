package charms.reactive.examples.faults;

import charms.reactive.state.FileStateStore;
import charms.reactive.state.StateDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * A process for {@link FaultInjectionTest} that does nothing but commit: document after document
 * to the state file {@code args[0]}, numbered from {@code args[1]}, printing each number once its
 * commit returned. Killed at a random instant, it is almost always inside a commit.
 */
public final class CommitLoop {
  static final int BLOB_CHARS = 2_000_000;

  private CommitLoop() {
  }

  static StateDocument document(long n) {
    TreeMap<String, JsonNode> data = new TreeMap<>();
    data.put("seq", LongNode.valueOf(n));
    data.put("blob", TextNode.valueOf(blob(n)));
    return new StateDocument(new TreeMap<>(), data, new TreeMap<>());
  }

  static String blob(long n) {
    String unit = n + ";";
    return unit.repeat(BLOB_CHARS / unit.length());
  }

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    for (long n = Long.parseLong(args[1]); ; n++) {
      try (FileStateStore store = new FileStateStore(file)) {
        store.load();
        store.commit(document(n));
      }
      System.out.println(n);
      System.out.flush();
    }
  }
}
