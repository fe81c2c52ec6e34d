package charms.reactive.juju;

import charms.reactive.CharmMetadata;
import charms.reactive.HookContext;
import charms.reactive.ReactiveException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Checks the charm's {@code metadata.yaml} and {@code actions.yaml} when a hook starts, so a
 * malformed file fails the first hook with an error naming the file and the line, rather than
 * going unnoticed until some handler reads it (or never, in a charm without relations or before
 * its first action). A file that does not exist is not checked here. Stateless.
 */
final class CharmFiles {
  private CharmFiles() {
  }

  /** The start callback: checks both files of the hook's charm directory. */
  static void validate(HookContext context) {
    Path dir = context.environment().charmDir();
    if (Files.exists(dir.resolve("metadata.yaml"))) {
      CharmMetadata.read(dir.resolve("metadata.yaml"));
    }
    validateActions(dir.resolve("actions.yaml"));
  }

  /**
   * {@code actions.yaml}: YAML whose top level is a mapping (or empty) of action names to a
   * mapping (or nothing).
   *
   * @throws ReactiveException naming the file, and the line of a syntax error
   */
  static void validateActions(Path file) {
    Object root;
    try (InputStream in = Files.newInputStream(file)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (NoSuchFileException e) {
      return;
    } catch (MarkedYAMLException e) {
      throw new ReactiveException("malformed " + file + " at line "
          + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem(), e);
    } catch (YAMLException | IOException e) {
      throw new ReactiveException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (root == null) {
      return;
    }
    if (!(root instanceof Map<?, ?> actions)) {
      throw new ReactiveException("malformed " + file + ": the top level must be a mapping of "
          + "action names");
    }
    actions.forEach((name, spec) -> {
      if (spec != null && !(spec instanceof Map<?, ?>)) {
        throw new ReactiveException("malformed " + file + ": action '" + name
            + "' must be a mapping");
      }
    });
  }
}
