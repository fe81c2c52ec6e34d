package charms.reactive.juju;

import charms.reactive.HookContext;
import charms.reactive.KeyValueStore;
import charms.reactive.internal.Json;
import charms.reactive.spi.FrameworkRecords;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Collects the statuses handlers report during a hook and sets the most urgent one, once, at the
 * end of a successful hook: blocked over waiting over maintenance over active; among equals, the
 * first reported. Nothing reported means no {@code status-set}. A status equal to the one this
 * framework set last is not set again. One reporter per hook; not thread-safe.
 *
 * <p>A handler that needs a status shown at once (a long installation, say) can still call
 * {@link HookTools#statusSet} directly.
 */
public final class StatusReporter {
  static final String RECORD = "status";

  private WorkloadStatus status;
  private String message;

  /** Reports a status; it is set at the end of the hook if it is the most urgent. */
  public void report(WorkloadStatus reported, String text) {
    if (status == null || reported.ordinal() < status.ordinal()) {
      status = reported;
      message = text == null ? "" : text;
    }
  }

  public void blocked(String text) {
    report(WorkloadStatus.BLOCKED, text);
  }

  public void waiting(String text) {
    report(WorkloadStatus.WAITING, text);
  }

  public void maintenance(String text) {
    report(WorkloadStatus.MAINTENANCE, text);
  }

  public void active(String text) {
    report(WorkloadStatus.ACTIVE, text);
  }

  /** The status that will be set, or null if none was reported. */
  public WorkloadStatus status() {
    return status;
  }

  public String message() {
    return message;
  }

  /** Sets the chosen status, unless it is the one set last (kept in the unit state). */
  void commit(HookContext context) {
    if (status == null) {
      return;
    }
    KeyValueStore records = FrameworkRecords.of(context, Juju.RECORDS);
    ObjectNode chosen = Json.NODES.objectNode().put("status", status.word()).put("message", message);
    if (records.get(RECORD).map(chosen::equals).orElse(false)) {
      return;
    }
    context.service(HookTools.class).statusSet(status, message, false);
    records.set(RECORD, chosen);
  }
}
