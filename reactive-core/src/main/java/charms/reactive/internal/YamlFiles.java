package charms.reactive.internal;

import charms.reactive.ReactiveException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads a charm's YAML files (plain data only: no tags, no arbitrary objects). */
public final class YamlFiles {
  private YamlFiles() {
  }

  /**
   * The document in {@code file}: maps, lists, strings, numbers, booleans, or null for an empty
   * file. A missing file is the caller's to judge, so it is thrown as it is.
   *
   * @throws NoSuchFileException if {@code file} does not exist
   * @throws ReactiveException naming the file, and the line of a syntax error, if it cannot be
   *     read or parsed
   */
  public static Object load(Path file) throws NoSuchFileException {
    try (InputStream in = Files.newInputStream(file)) {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (NoSuchFileException e) {
      throw e;
    } catch (MarkedYAMLException e) {
      throw new ReactiveException("malformed " + file + " at line "
          + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem(), e);
    } catch (YAMLException | IOException e) {
      throw new ReactiveException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
