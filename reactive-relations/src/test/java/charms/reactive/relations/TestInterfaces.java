package charms.reactive.relations;

import charms.reactive.FlagFact;
import charms.reactive.HandlerContext;
import charms.reactive.Hook;
import charms.reactive.When;
import charms.reactive.WhenNot;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Interface implementations used by the tests; each logs what its handlers did. */
final class TestInterfaces {
  private TestInterfaces() {
  }

  static final String METADATA = String.join("\n",
      "name: app",
      "requires:",
      "  db: {interface: pgsql}",
      "  replica: {interface: pgsql}",
      "  cache: {interface: redis}",
      "provides:",
      "  website: {interface: http}",
      "peers:",
      "  cluster: {interface: app-peers}",
      "");

  /** A requires side of a database interface, with handlers declared out of alphabetical order. */
  public static class DbRequires extends Endpoint {
    private final List<String> log;

    public DbRequires(List<String> log) {
      this.log = log;
    }

    @When("endpoint.{endpoint_name}.joined")
    @WhenNot("{endpoint_name}.requested")
    public void zRequest() {
      log.add("request:" + endpointName());
      for (Relation r : relations()) {
        r.toPublish().put("database", "app-" + endpointName());
      }
      flags().set(expandName("{endpoint_name}.requested"));
    }

    @When("endpoint.{endpoint_name}.changed.host")
    public Mono<Void> aHostChanged(HandlerContext ctx) {
      return Mono.fromRunnable(() -> {
        log.add("host:" + endpointName() + "=" + allJoinedUnits().received().text("host").orElse("-")
            + " by " + ctx.handlerId());
        clearFlag("changed.host");
      });
    }

    @Override
    public Flux<FlagFact> facts() {
      return Flux.defer(() -> Flux.just(FlagFact.toggled("{endpoint_name}.available",
          allJoinedUnits().received().text("host").isPresent()
              && allJoinedUnits().received().text("port").isPresent())));
    }
  }

  /** A provides side with a hook handler that uses the {role:interface} group. */
  public static class HttpProvides extends Endpoint {
    private final List<String> log;

    public HttpProvides(List<String> log) {
      this.log = log;
    }

    @Hook("{provides:http}-relation-joined")
    public void joinedHook() {
      log.add("http-joined:" + endpointName());
      for (Relation r : relations()) {
        r.toPublish().put("port", 80);
        r.toPublish().put("hostname", "web.example");
      }
    }
  }
}
