package charms.reactive;

import java.util.ArrayList;
import java.util.List;

/**
 * A charm compiled by the ordinary test compilation, where the handler-index processor runs: its
 * handlers are written in an order that is not alphabetical.
 */
class SourceOrderCharm {
  final List<String> ran = new ArrayList<>();

  @WhenNot("order.never")
  void zebra() {
    ran.add("zebra");
  }

  @WhenNot("order.never")
  void mango() {
    ran.add("mango");
  }

  void notAHandler() {
    ran.add("notAHandler");
  }

  @WhenNot("order.never")
  void apple() {
    ran.add("apple");
  }

  @When("order.never")
  void banana() {
    ran.add("banana");
  }

  /** A subclass: its own handlers come after the inherited ones, again in source order. */
  static class Child extends SourceOrderCharm {
    @WhenNot("order.never")
    void yak() {
      ran.add("yak");
    }

    @WhenNot("order.never")
    void aardvark() {
      ran.add("aardvark");
    }
  }
}
