package charms.reactive.maven.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Writes a deployable charm from a charm's files and its jars: the unpacked charm directory and,
 * if asked, the {@code .charm} zip of it.
 *
 * <pre>
 * metadata.yaml config.yaml actions.yaml   copied (validated)
 * manifest.yaml                            the bases the charm runs on
 * templates/ reactive/ hooks/relations/    copied, modes kept (bash handlers stay executable)
 * hooks/reactive/ files/ icon.svg README.md LICENSE copyright   copied if present
 * dispatch                                 runs the main class for every hook and action
 * hooks/&lt;hook&gt;, actions/&lt;action&gt;          the same, for Juju without dispatch
 * bin/reactive-java                        finds (or installs) Java and starts the JVM
 * bin/charms.reactive, charms.reactive.sh  when reactive-bash is among the jars
 * lib/*.jar                                the class path
 * lib/jars.sha256                          the jars' SHA-256 digests (sha256sum's format), the
 *                                          start-up cache's key
 * runtime/                                 a bundled Java runtime, if asked
 * </pre>
 *
 * <p>Not thread-safe for one target directory; otherwise stateless. Errors are
 * {@link CharmPackException}s naming the file or setting at fault.
 */
public final class CharmPacker {
  static final List<String> COPIED_FILES = List.of("metadata.yaml", "config.yaml", "actions.yaml",
      "icon.svg", "README.md", "LICENSE", "copyright");
  static final List<String> COPIED_DIRS = List.of("templates", "reactive", "hooks/relations",
      "hooks/reactive", "files");
  static final String BASH_SCRIPTS = "charms/reactive/bash/bin/";
  /**
   * The jars' digests, written at pack time: bin/reactive-java keys the start-up cache by this
   * file instead of reading every jar before each hook. A new charm (upgrade-charm) has other
   * digests even where a jar keeps its size and, unzipped, its mtime.
   */
  static final String JAR_DIGESTS = "jars.sha256";
  private static final Pattern CLASS_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
  /** JVM options are written into dispatch between single quotes: nothing that could end them. */
  private static final Pattern JAVA_OPTIONS = Pattern.compile("[A-Za-z0-9 :=+\\-._/,%@]*");
  private static final Pattern BASE = Pattern.compile("([a-z]+)@([0-9][0-9.]*)");
  private static final Pattern APT_PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]+");

  private CharmPacker() {
  }

  /**
   * Packs the charm.
   *
   * @return what was written
   * @throws CharmPackException if an input is missing or invalid (named in the message)
   * @throws UncheckedIOException if writing fails
   */
  public static PackResult pack(PackRequest request) {
    CharmMetadata metadata = CharmMetadata.read(request.source());
    check(request);
    Path out = request.charmDirectory();
    try {
      deleteTree(out);
      Files.createDirectories(out);
      for (String name : COPIED_FILES) {
        Path file = request.source().resolve(name);
        if (Files.isRegularFile(file)) {
          Files.copy(file, out.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
      for (String dir : COPIED_DIRS) {
        Path from = request.source().resolve(dir);
        if (Files.isDirectory(from)) {
          copyTree(from, out.resolve(dir));
        }
      }
      Files.writeString(out.resolve("manifest.yaml"), manifest(request));
      writeExecutable(out.resolve("dispatch"), dispatch(metadata, request));
      String hook = resource("hook");
      for (String name : metadata.hooks()) {
        writeExecutable(out.resolve("hooks").resolve(name), hook);
      }
      for (String name : metadata.actions()) {
        writeExecutable(out.resolve("actions").resolve(name), hook);
      }
      Path bin = Files.createDirectories(out.resolve("bin"));
      Files.writeString(bin.resolve("reactive-java"), resource("reactive-java"));
      Path lib = Files.createDirectories(out.resolve("lib"));
      Set<String> names = new HashSet<>();
      for (PackRequest.LibJar jar : request.jars()) {
        if (!names.add(jar.fileName())) {
          throw new CharmPackException("two jars would be lib/" + jar.fileName() + "; the second is "
              + jar.file());
        }
        Files.copy(jar.file(), lib.resolve(jar.fileName()));
        extractBashScripts(jar.file(), bin);
      }
      Files.writeString(lib.resolve(JAR_DIGESTS), jarDigests(lib));
      if (request.runtime() != null) {
        copyTree(request.runtime(), out.resolve("runtime"));
      }
      Path charmFile = request.charmFile();
      if (charmFile != null) {
        CharmZip.write(out, charmFile);
      }
      return new PackResult(metadata, out, charmFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the charm " + out + ": " + e.getMessage(), e);
    }
  }

  private static void check(PackRequest request) {
    if (!CLASS_NAME.matcher(request.mainClass()).matches()) {
      throw new CharmPackException("mainClass: " + request.mainClass() + " is not a class name");
    }
    if (request.jars().isEmpty()) {
      throw new CharmPackException("no jars to pack: build the charm's jar first (run the pack "
          + "goal in the package phase)");
    }
    for (PackRequest.LibJar jar : request.jars()) {
      if (!Files.isRegularFile(jar.file())) {
        throw new CharmPackException("jar " + jar.file() + " does not exist: build it first (run "
            + "the pack goal in the package phase)");
      }
    }
    String entry = request.mainClass().replace('.', '/') + ".class";
    if (request.jars().stream().noneMatch(jar -> hasEntry(jar.file(), entry))) {
      throw new CharmPackException("mainClass: " + request.mainClass() + " is in none of the "
          + "charm's jars (" + request.jars().stream().map(PackRequest.LibJar::fileName).toList()
          + ")");
    }
    if (request.javaOptions() != null && !JAVA_OPTIONS.matcher(request.javaOptions()).matches()) {
      throw new CharmPackException("javaOptions: " + request.javaOptions() + " may only hold "
          + "letters, digits, spaces and : = + - . _ / , % @");
    }
    if (request.bases().isEmpty()) {
      throw new CharmPackException("bases: name at least one, such as ubuntu@22.04");
    }
    for (String base : request.bases()) {
      if (!BASE.matcher(base).matches()) {
        throw new CharmPackException("bases: " + base + " is not <name>@<channel>, such as ubuntu@22.04");
      }
    }
    for (String arch : request.architectures()) {
      if (!arch.matches("[a-z0-9]+")) {
        throw new CharmPackException("architectures: " + arch + " is not an architecture name");
      }
    }
    if (!APT_PACKAGE.matcher(request.jrePackage()).matches()) {
      throw new CharmPackException("jrePackage: " + request.jrePackage() + " is not a package name");
    }
    if (request.runtime() != null && !Files.isExecutable(request.runtime().resolve("bin/java"))) {
      throw new CharmPackException("runtime: " + request.runtime() + " has no bin/java");
    }
  }

  private static boolean hasEntry(Path jar, String entry) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.getEntry(entry) != null;
    } catch (IOException e) {
      throw new CharmPackException("jar " + jar + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** reactive-bash's command line and helper, for bash handlers: beside the launcher. */
  private static void extractBashScripts(Path jar, Path bin) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (String name : List.of("charms.reactive", "charms.reactive.sh")) {
        ZipEntry entry = zip.getEntry(BASH_SCRIPTS + name);
        if (entry != null) {
          try (InputStream in = zip.getInputStream(entry)) {
            writeExecutable(bin.resolve(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    }
  }

  /**
   * One line per {@code *.jar} of {@code lib}, sorted by name: the hex SHA-256 digest, two spaces
   * and the file name, as {@code sha256sum} writes it (so {@code sha256sum -c} checks it).
   */
  static String jarDigests(Path lib) throws IOException {
    List<Path> jars;
    try (Stream<Path> files = Files.list(lib)) {
      jars = files.filter(f -> f.getFileName().toString().endsWith(".jar"))
          .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
    }
    StringBuilder out = new StringBuilder();
    for (Path jar : jars) {
      MessageDigest sha256;
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("this Java has no SHA-256", e);
      }
      try (InputStream in = Files.newInputStream(jar)) {
        byte[] buffer = new byte[65536];
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha256.update(buffer, 0, n);
        }
      }
      out.append(HexFormat.of().formatHex(sha256.digest())).append("  ")
          .append(jar.getFileName()).append('\n');
    }
    return out.toString();
  }

  static String manifest(PackRequest request) {
    StringBuilder yaml = new StringBuilder("# Written by reactive-charm-maven-plugin.\nbases:\n");
    for (String base : request.bases()) {
      var m = BASE.matcher(base);
      m.matches();
      yaml.append("- name: ").append(m.group(1)).append('\n')
          .append("  channel: '").append(m.group(2)).append("'\n")
          .append("  architectures:\n");
      for (String arch : request.architectures()) {
        yaml.append("  - ").append(arch).append('\n');
      }
    }
    return yaml.toString();
  }

  static String dispatch(CharmMetadata metadata, PackRequest request) {
    String template = resource("dispatch");
    Map<String, String> values = Map.of("@CHARM_NAME@", metadata.name(),
        "@MAIN_CLASS@", request.mainClass(),
        // no packed options: bin/reactive-java's defaults apply (they are kept there, once)
        "@JAVA_OPTS_LINE@", request.javaOptions() == null ? ""
            : "CHARMS_REACTIVE_DEFAULT_JAVA_OPTS='" + request.javaOptions() + "'\n",
        "@JRE_PACKAGE@", request.jrePackage());
    for (Map.Entry<String, String> e : values.entrySet()) {
      template = template.replace(e.getKey(), e.getValue());
    }
    return template;
  }

  static String resource(String name) {
    try (InputStream in = CharmPacker.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the plugin's resource " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeExecutable(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
    }
    for (Path p : paths) {
      Files.delete(p);
    }
  }

  /**
   * What was packed.
   *
   * @param charmFile the zip, or null if none was asked for
   */
  public record PackResult(CharmMetadata metadata, Path charmDirectory, Path charmFile) {
  }
}
