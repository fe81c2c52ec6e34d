package charms.reactive.bench;

/** The main class of the packed {@code bench-3000} charm: 1,000 components, 3,000 handlers. */
public final class Bench3000 {
  private Bench3000() {
  }

  public static void main(String[] args) {
    BenchCharm.run(1000);
  }
}
