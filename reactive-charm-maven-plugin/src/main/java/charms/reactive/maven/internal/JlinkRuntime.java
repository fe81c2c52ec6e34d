package charms.reactive.maven.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a Java runtime image of just the modules a charm's jars need, to bundle in the charm:
 * {@code jdeps --print-module-deps} finds the modules, {@code jlink} writes the image. Both are the
 * tools of the JDK running the build ({@code java.home}), started with argument arrays. The image
 * runs on units of the build machine's architecture and C library only.
 */
public final class JlinkRuntime {
  private JlinkRuntime() {
  }

  /**
   * Writes the image to {@code output} (replaced) and returns the modules it holds.
   *
   * @throws CharmPackException if jdeps or jlink fails (with their output)
   */
  public static List<String> build(List<Path> jars, Path output) throws IOException {
    Path jdk = Path.of(System.getProperty("java.home"));
    List<String> jdeps = new ArrayList<>(List.of(tool(jdk, "jdeps"), "--print-module-deps",
        "--ignore-missing-deps", "--multi-release", "17"));
    jars.forEach(j -> jdeps.add(j.toString()));
    // the module list is jdeps' last line; warnings (split packages and such) come before it
    String modules = run(jdeps).strip().lines().reduce((a, b) -> b).orElse("").strip();
    if (!modules.matches("[a-z0-9.,]*")) {
      throw new CharmPackException("bundleRuntime: jdeps printed no module list: " + modules);
    }
    // jdeps misses what is only reached by reflection or service loading: what a charm needs too.
    String all = modules.isEmpty() ? "java.base" : modules;
    all += ",jdk.zipfs,jdk.crypto.ec";
    CharmPacker.deleteTree(output);
    run(List.of(tool(jdk, "jlink"), "--add-modules", all, "--strip-debug", "--no-man-pages",
        "--no-header-files", "--output", output.toString()));
    return List.of(all.split(","));
  }

  private static String tool(Path jdk, String name) {
    Path tool = jdk.resolve("bin").resolve(name);
    if (!Files.isExecutable(tool)) {
      throw new CharmPackException("bundleRuntime needs a JDK with " + name + "; " + tool
          + " does not exist (build with a JDK, not a JRE)");
    }
    return tool.toString();
  }

  private static String run(List<String> command) throws IOException {
    Path errors = Files.createTempFile("jlink", ".err");
    Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      int exit = p.waitFor();
      String stderr = Files.readString(errors);
      if (exit != 0) {
        throw new CharmPackException("bundleRuntime: " + Path.of(command.get(0)).getFileName()
            + " failed (exit " + exit + "): " + (stderr + output).strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CharmPackException("interrupted while running " + command.get(0), e);
    } finally {
      Files.deleteIfExists(errors);
    }
    return output;
  }
}
