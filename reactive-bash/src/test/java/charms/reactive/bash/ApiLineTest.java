package charms.reactive.bash;

import charms.reactive.arch.ApiLine;
import org.junit.jupiter.api.Test;

/**
 * reactive-bash's public line: its two entry points (the hook process of a bash charm and the
 * {@code charms.reactive} command) and the extension that adds bash handlers to a Java charm. Everything else is in {@code charms.reactive.bash.internal}. Keep this list and the README's
 * "Public API" section in step.
 */
class ApiLineTest {
  static final ApiLine LINE = ApiLine.module("reactive-bash")
      .internal("charms.reactive.bash.internal..")
      .api("charms.reactive.bash", "ReactiveMain", "Cli", "ExternalHandlers")
      .build();

  @Test
  void theApiLineHolds() {
    LINE.check(ApiLine.classesBeside(ReactiveMain.class),
        ApiLine.classesBeside(ReactiveMain.class, ApiLineTest.class));
  }
}
