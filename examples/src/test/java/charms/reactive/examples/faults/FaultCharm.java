package charms.reactive.examples.faults;

import charms.reactive.Handler;
import charms.reactive.ReactiveCharm;
import charms.reactive.juju.Juju;

/**
 * The Java charm of {@link FaultInjectionTest}, run as its own JVM per hook. Every hook reads the
 * counter {@code count}, writes {@code count + 1}, {@code last = $FAULT_SEQ} and a large
 * {@code blob} derived from the sequence number, {@code hook.$FAULT_SEQ} (so a commit takes long enough to be hit), and
 * sets the flag {@code run.$FAULT_SEQ}. Environment switches make it misbehave on purpose:
 * {@code FAULT_FAIL} (throw after changing everything), {@code FAULT_FLAG_LENGTH} (set a flag of
 * that many characters), {@code FAULT_KEY} (set a data key with that name).
 */
public final class FaultCharm {
  static final int BLOB_CHARS = 400_000;

  private FaultCharm() {
  }

  static String blob(String seq) {
    return (seq + ":").repeat(BLOB_CHARS / (seq.length() + 1));
  }

  public static void main(String[] args) {
    ReactiveCharm charm = ReactiveCharm.builder().use(Juju.integration())
        .handler(Handler.named("bump").whenNot("never.set").invoke(ctx -> {
          String seq = System.getenv("FAULT_SEQ");
          if (ctx.flags().isSet("run." + seq)) {
            return;
          }
          long count = ctx.data().get("count", Long.class).orElse(0L);
          ctx.data().set("count", count + 1);
          ctx.data().set("last", seq);
          ctx.data().set("hook." + seq, count + 1);
          ctx.data().set("blob", blob(seq));
          ctx.flags().set("run." + seq);
          String length = System.getenv("FAULT_FLAG_LENGTH");
          if (length != null) {
            ctx.flags().set("f".repeat(Integer.parseInt(length)));
          }
          String key = System.getenv("FAULT_KEY");
          if (key != null) {
            ctx.data().set(key, 1);
          }
          if (System.getenv("FAULT_FAIL") != null) {
            throw new IllegalStateException("failing on purpose after changing the state");
          }
        }))
        .build();
    System.exit(charm.run());
  }
}
