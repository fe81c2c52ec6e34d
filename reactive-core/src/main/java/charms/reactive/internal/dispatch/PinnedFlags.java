package charms.reactive.internal.dispatch;

import charms.reactive.Flags;
import charms.reactive.Trigger;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The flags as a handler sees them: on the hook's thread, the flags themselves; from another
 * thread (a handler's asynchronous part), every call is handed to the hook's thread, so flag
 * writes and the triggers they fire always run there (see {@link HookThread#call}).
 */
final class PinnedFlags implements Flags {
  private final Flags flags;
  private final HookThread thread;

  PinnedFlags(Flags flags, HookThread thread) {
    this.flags = flags;
    this.thread = thread;
  }

  private void write(Runnable write) {
    if (thread.isOwner()) {
      write.run();
    } else {
      thread.call(() -> {
        write.run();
        return null;
      });
    }
  }

  private <T> T read(java.util.concurrent.Callable<T> read) {
    return thread.call(read);
  }

  @Override
  public void set(String flag) {
    write(() -> flags.set(flag));
  }

  @Override
  public void set(String flag, Object value) {
    write(() -> flags.set(flag, value));
  }

  @Override
  public void clear(String flag) {
    write(() -> flags.clear(flag));
  }

  @Override
  public void toggle(String flag, boolean shouldSet) {
    write(() -> flags.toggle(flag, shouldSet));
  }

  @Override
  public void registerTrigger(Trigger trigger) {
    write(() -> flags.registerTrigger(trigger));
  }

  @Override
  public boolean isSet(String flag) {
    return thread.isOwner() ? flags.isSet(flag) : read(() -> flags.isSet(flag));
  }

  @Override
  public boolean allSet(String... names) {
    return thread.isOwner() ? flags.allSet(names) : read(() -> flags.allSet(names));
  }

  @Override
  public boolean anySet(String... names) {
    return thread.isOwner() ? flags.anySet(names) : read(() -> flags.anySet(names));
  }

  @Override
  public List<String> list() {
    return thread.isOwner() ? flags.list() : read(flags::list);
  }

  @Override
  public List<String> unset(String... names) {
    return thread.isOwner() ? flags.unset(names) : read(() -> flags.unset(names));
  }

  @Override
  public Optional<JsonNode> value(String flag) {
    return thread.isOwner() ? flags.value(flag) : read(() -> flags.value(flag));
  }
}
