package charms.reactive.examples;

import charms.reactive.arch.ApiLine;
import charms.reactive.examples.demo.Demo;
import org.junit.jupiter.api.Test;

/**
 * The examples are charms, tests and demos written as a user would write them: they publish
 * nothing, and they may use the framework only through its API and SPI, never an internal package.
 */
class ApiLineTest {

  @Test
  void theExamplesUseNoInternalPackageOfTheFramework() {
    ApiLine.module("examples").internal("charms.reactive.examples.internal..").build()
        .noForeignInternals()
        .check(ApiLine.classesBeside(Demo.class, ApiLineTest.class));
  }
}
