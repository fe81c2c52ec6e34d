package charms.reactive.bench;

/** The main class of the packed {@code bench-30} charm: 10 components, 30 handlers. */
public final class Bench30 {
  private Bench30() {
  }

  public static void main(String[] args) {
    BenchCharm.run(10);
  }
}
