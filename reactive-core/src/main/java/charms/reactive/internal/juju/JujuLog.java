package charms.reactive.internal.juju;

import charms.reactive.HookLog;
import charms.reactive.LogLevel;
import charms.reactive.juju.HookTools;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends log records to {@code juju-log}, batched: records are buffered, and on {@link #flush()}
 * each run of consecutive records with the same level becomes one {@code juju-log} call (lines
 * joined with newlines), so order and content are kept and a hook makes few calls. The buffer is
 * also flushed when it grows past 64 KiB. The hook runner flushes at the end of every hook,
 * failed or not. If {@code juju-log} itself fails, the rest goes to standard error rather than
 * being lost. A NUL character in a message is written as a backslash-u escape, since no process
 * argument can hold one. Not thread-safe.
 */
public final class JujuLog implements HookLog {
  private static final int FLUSH_AT = 64 * 1024;

  private record Entry(LogLevel level, String message) {
  }

  private final HookTools tools;
  private final List<Entry> buffer = new ArrayList<>();
  private int buffered;

  public JujuLog(HookTools tools) {
    this.tools = tools;
  }

  @Override
  public void log(LogLevel level, String message) {
    // A NUL cannot be passed in a process argument: one would make juju-log impossible to start
    // and send the whole rest of the log to standard error.
    message = message.replace("\u0000", "\\u0000");
    buffer.add(new Entry(level, message));
    buffered += message.length();
    if (buffered > FLUSH_AT) {
      flush();
    }
  }

  @Override
  public void flush() {
    List<Entry> pending = new ArrayList<>(buffer);
    buffer.clear();
    buffered = 0;
    int i = 0;
    try {
      while (i < pending.size()) {
        LogLevel level = pending.get(i).level();
        StringBuilder text = new StringBuilder(pending.get(i).message());
        int j = i + 1;
        while (j < pending.size() && pending.get(j).level() == level) {
          text.append('\n').append(pending.get(j).message());
          j++;
        }
        tools.jujuLog(level, text.toString());
        i = j;
      }
    } catch (RuntimeException e) {
      System.err.println("juju-log failed (" + e.getMessage() + "); the rest of the log follows");
      for (Entry entry : pending.subList(i, pending.size())) {
        System.err.println(entry.level() + ": " + entry.message());
      }
    }
  }
}
