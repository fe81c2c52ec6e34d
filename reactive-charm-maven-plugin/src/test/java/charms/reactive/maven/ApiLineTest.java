package charms.reactive.maven;

import charms.reactive.arch.ApiLine;
import org.junit.jupiter.api.Test;

/**
 * The plugin's public line: the goal {@code charm:pack} (its mojo and parameters); the packer
 * behind it is internal. Everything else is in {@code charms.reactive.maven.internal}. Keep this list and the README's
 * "Public API" section in step.
 */
class ApiLineTest {
  static final ApiLine LINE = ApiLine.module("reactive-charm-maven-plugin")
      .internal("charms.reactive.maven.internal..")
      .api("charms.reactive.maven", "PackMojo")
      .build();

  @Test
  void theApiLineHolds() {
    LINE.check(ApiLine.classesBeside(PackMojo.class),
        ApiLine.classesBeside(PackMojo.class, ApiLineTest.class));
  }
}
