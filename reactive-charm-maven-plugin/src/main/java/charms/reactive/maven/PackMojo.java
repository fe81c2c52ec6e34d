package charms.reactive.maven;

import charms.reactive.maven.internal.CharmMetadata;
import charms.reactive.maven.internal.CharmPackException;
import charms.reactive.maven.internal.CharmPacker;
import charms.reactive.maven.internal.JlinkRuntime;
import charms.reactive.maven.internal.PackRequest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * {@code charm:pack}: writes the deployable charm of this project, {@code target/charm/} and
 * {@code target/<name>.charm}, from the charm's files ({@code src/charm/} by default), this
 * project's jar and its runtime dependencies. Bound to {@code package} by default, after the jar.
 * The work is {@link CharmPacker}'s; this class only gathers the project's inputs.
 */
@Mojo(name = "pack", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class PackMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** The charm's files: metadata.yaml, config.yaml, actions.yaml, templates/, reactive/… */
  @Parameter(property = "charm.source", defaultValue = "${project.basedir}/src/charm")
  private File source;

  /** The class whose {@code main} runs every hook (for a bash-only charm: charms.reactive.bash.ReactiveMain). */
  @Parameter(property = "charm.mainClass", required = true)
  private String mainClass;

  /** Where the unpacked charm is written. */
  @Parameter(property = "charm.directory", defaultValue = "${project.build.directory}/charm")
  private File charmDirectory;

  /** Where {@code <name>.charm} is written. */
  @Parameter(property = "charm.outputDirectory", defaultValue = "${project.build.directory}")
  private File outputDirectory;

  /** The bases in manifest.yaml, as {@code <name>@<channel>}. */
  @Parameter(defaultValue = "ubuntu@22.04,ubuntu@24.04")
  private List<String> bases;

  /** The architectures of every base. */
  @Parameter(defaultValue = "amd64")
  private List<String> architectures;

  /**
   * The JVM options dispatch uses unless the unit sets CHARMS_REACTIVE_JAVA_OPTS; unset, the
   * launcher's defaults for a short-lived JVM apply.
   */
  @Parameter
  private String javaOptions;

  /** The apt package the install hook installs when the unit has no Java 17 or later. */
  @Parameter(defaultValue = "openjdk-17-jre-headless")
  private String jrePackage;

  /** Whether this project's own jar goes into lib/ (false for a charm of bash handlers only). */
  @Parameter(defaultValue = "true")
  private boolean includeProjectArtifact;

  /** Dependencies left out of lib/, as {@code groupId:artifactId}. */
  @Parameter
  private List<String> excludes;

  /** Bundle a Java runtime of just the modules the jars need (jdeps + jlink) as runtime/. */
  @Parameter(property = "charm.bundleRuntime", defaultValue = "false")
  private boolean bundleRuntime;

  @Parameter(property = "charm.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("charm:pack skipped");
      return;
    }
    List<PackRequest.LibJar> jars = jars();
    try {
      CharmMetadata metadata = CharmMetadata.read(source.toPath());
      Path runtime = null;
      if (bundleRuntime) {
        runtime = Path.of(project.getBuild().getDirectory(), "charm-runtime");
        List<String> modules = JlinkRuntime.build(jars.stream().map(PackRequest.LibJar::file).toList(),
            runtime);
        getLog().info("bundled Java runtime with modules " + modules);
      }
      PackRequest request = new PackRequest(source.toPath(), charmDirectory.toPath(),
          outputDirectory.toPath().resolve(metadata.name() + ".charm"), jars, mainClass, bases,
          architectures, javaOptions, jrePackage, runtime);
      CharmPacker.PackResult result = CharmPacker.pack(request);
      getLog().info("packed charm " + metadata.name() + ": " + result.charmDirectory() + ", "
          + result.charmFile() + " (" + metadata.hooks().size() + " hooks, "
          + metadata.actions().size() + " actions, " + jars.size() + " jars)");
    } catch (CharmPackException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new MojoExecutionException("charm:pack failed: " + e.getMessage(), e);
    }
  }

  private List<PackRequest.LibJar> jars() throws MojoFailureException {
    List<PackRequest.LibJar> jars = new ArrayList<>();
    Set<String> names = new HashSet<>();
    if (includeProjectArtifact) {
      File file = project.getArtifact().getFile();
      if (file == null || !file.isFile()) {
        throw new MojoFailureException("charm:pack needs this project's jar: run it in the "
            + "package phase, after jar:jar (mvn package)");
      }
      add(jars, names, project.getArtifact(), file);
    }
    Set<String> excluded = excludes == null ? Set.of() : Set.copyOf(excludes);
    for (Artifact a : project.getArtifacts()) {
      boolean runtime = Artifact.SCOPE_COMPILE.equals(a.getScope())
          || Artifact.SCOPE_RUNTIME.equals(a.getScope());
      if (runtime && a.getArtifactHandler().isAddedToClasspath()
          && !excluded.contains(a.getGroupId() + ":" + a.getArtifactId())) {
        add(jars, names, a, a.getFile());
      }
    }
    return jars;
  }

  private static void add(List<PackRequest.LibJar> jars, Set<String> names, Artifact a, File file) {
    String name = file.getName();
    if (!names.add(name)) {
      name = a.getGroupId() + "." + name;
      names.add(name);
    }
    jars.add(new PackRequest.LibJar(name, file.toPath()));
  }
}
