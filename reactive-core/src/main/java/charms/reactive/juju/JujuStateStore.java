package charms.reactive.juju;

import charms.reactive.spi.StateCodec;
import charms.reactive.state.StateDocument;
import charms.reactive.state.StateFileException;
import charms.reactive.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The unit state kept in Juju's controller with {@code state-get} / {@code state-set}, for units
 * whose disk does not survive (Kubernetes). The encoded document is split over keys
 * {@code charms.reactive.unit-state.<n>} of at most 16,000 characters (Juju limits a value to
 * 64 KiB), with the count under {@code charms.reactive.unit-state.chunks}.
 *
 * <p>Transactions: Juju applies {@code state-set} and {@code state-delete} only when the hook
 * succeeds, so a failed hook changes nothing here either; Juju runs one hook of a unit at a time,
 * so no lock is needed.
 */
public final class JujuStateStore implements StateStore {
  static final String PREFIX = "charms.reactive.unit-state.";
  static final String COUNT = PREFIX + "chunks";
  static final int CHUNK = 16_000;

  private final HookTools tools;
  private int loadedChunks;

  public JujuStateStore(HookTools tools) {
    this.tools = tools;
  }

  @Override
  public StateDocument load() {
    Map<String, String> state = tools.stateGet();
    String count = state.get(COUNT);
    if (count == null) {
      return StateDocument.empty();
    }
    try {
      loadedChunks = Integer.parseInt(count);
    } catch (NumberFormatException e) {
      throw new StateFileException("corrupt unit state in " + describe() + ": " + COUNT + " is '" + count + "'");
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < loadedChunks; i++) {
      String chunk = state.get(PREFIX + i);
      if (chunk == null) {
        throw new StateFileException("corrupt unit state in " + describe() + ": chunk " + PREFIX + i
            + " of " + loadedChunks + " is missing");
      }
      text.append(chunk);
    }
    return StateCodec.decode(text.toString().getBytes(StandardCharsets.UTF_8), describe());
  }

  @Override
  public void commit(StateDocument document) {
    String text = new String(StateCodec.encode(document), StandardCharsets.UTF_8);
    Map<String, String> values = new LinkedHashMap<>();
    int n = 0;
    for (int start = 0; start < text.length(); n++) {
      int end = Math.min(text.length(), start + CHUNK);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      values.put(PREFIX + n, text.substring(start, end));
      start = end;
    }
    values.put(COUNT, Integer.toString(n));
    tools.stateSet(values);
    for (int stale = n; stale < loadedChunks; stale++) {
      tools.stateDelete(PREFIX + stale);
    }
    loadedChunks = n;
  }

  @Override
  public void close() {
  }

  @Override
  public String describe() {
    return "Juju charm state (state-get) of unit " + tools.environment().unitName().orElse("?");
  }
}
