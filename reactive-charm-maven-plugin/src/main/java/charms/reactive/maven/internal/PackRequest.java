package charms.reactive.maven.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to pack.
 *
 * @param source the charm's files: {@code metadata.yaml} (required), {@code config.yaml},
 *     {@code actions.yaml}, {@code templates/}, {@code reactive/}, {@code hooks/relations/}…
 * @param charmDirectory where the unpacked charm is written (emptied first)
 * @param charmFile the {@code .charm} zip to write; null for the unpacked charm only
 * @param jars the runtime jars, in class-path order (the charm's own jar first)
 * @param mainClass the class whose {@code main} runs each hook
 * @param bases where the charm runs, {@code <name>@<channel>} such as {@code ubuntu@22.04}
 * @param architectures the architectures of every base, such as {@code amd64}
 * @param javaOptions the JVM options {@code dispatch} uses unless the unit sets
 *     {@code CHARMS_REACTIVE_JAVA_OPTS}; null for the launcher's defaults for a short-lived JVM
 * @param jrePackage the apt package the {@code install} hook installs when the unit has no Java
 * @param runtime a Java runtime image to bundle as {@code runtime/}, or null
 */
public record PackRequest(Path source, Path charmDirectory, Path charmFile, List<LibJar> jars,
    String mainClass, List<String> bases, List<String> architectures, String javaOptions,
    String jrePackage, Path runtime) {

  public PackRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(charmDirectory, "charmDirectory");
    jars = List.copyOf(jars);
    Objects.requireNonNull(mainClass, "mainClass");
    bases = List.copyOf(bases);
    architectures = List.copyOf(architectures);
    Objects.requireNonNull(jrePackage, "jrePackage");
  }

  /**
   * One jar of the charm's class path.
   *
   * @param fileName its name under {@code lib/}
   * @param file where it is now
   */
  public record LibJar(String fileName, Path file) {
    public LibJar {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(file, "file");
    }
  }
}
