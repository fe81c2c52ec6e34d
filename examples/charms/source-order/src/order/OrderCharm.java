package order;

import charms.reactive.Flags;
import charms.reactive.Hook;
import charms.reactive.ReactiveCharm;
import charms.reactive.When;
import charms.reactive.WhenNot;

/**
 * Handlers written out of alphabetical order. Run as the install hook, it prints the handlers in
 * the order they ran: zebra, mango, apple (the hooks phase, in source order), then kiwi and fig
 * (the other phase, in source order; fig needs the flag kiwi sets, so it runs one pass later).
 */
public class OrderCharm {

  @Hook("install")
  public void zebra() {
    System.out.println("ran zebra");
  }

  @Hook("install")
  public void mango() {
    System.out.println("ran mango");
  }

  @Hook("install")
  public void apple() {
    System.out.println("ran apple");
  }

  @WhenNot("order.ready")
  public void kiwi(Flags flags) {
    System.out.println("ran kiwi");
    flags.set("order.ready");
  }

  @When("order.ready")
  public void fig() {
    System.out.println("ran fig");
  }

  public static void main(String[] args) {
    System.exit(ReactiveCharm.builder().handlers(new OrderCharm()).build().run());
  }
}
