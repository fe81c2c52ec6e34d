package charms.reactive.testing.internal;

/**
 * A tool wants its standard input but the caller has not sent it yet. The executables' server
 * answers by asking the client for its stdin and running the call again, as Juju's jujuc does
 * ({@code hook tool requires stdin, none supplied}). Tools read stdin before changing anything,
 * so the first attempt leaves no trace.
 */
public final class NeedsStdin extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NeedsStdin() {
    super("hook tool requires stdin, none supplied", null, false, false);
  }
}
