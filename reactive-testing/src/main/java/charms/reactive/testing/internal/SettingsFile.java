package charms.reactive.testing.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The {@code --file} of {@code relation-set} and {@code state-set}: a YAML map (JSON is YAML)
 * read into {@code map[string]string} as go-yaml v2 does: scalars keep their source text
 * ({@code 5} is {@code "5"}), null is the empty string (which deletes), nested maps or lists are
 * errors. The content is untrusted: it is only parsed, with size and alias limits.
 */
public final class SettingsFile {
  /** The largest settings file accepted (Juju's relation settings quota). */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  private SettingsFile() {
  }

  /**
   * Reads the file named by {@code --file}: {@code -} for standard input, else a path relative to
   * the caller's working directory.
   *
   * @throws ToolError (exit 1) if the file cannot be read or is not a map of scalars
   */
  public static Map<String, String> read(String path, ToolIo io) throws ToolError {
    byte[] bytes;
    if (path.equals("-")) {
      bytes = io.stdin();
    } else {
      try {
        bytes = Files.readAllBytes(io.workingDir().resolve(path));
      } catch (NoSuchFileException e) {
        throw ToolError.run("open " + path + ": no such file or directory");
      } catch (IOException e) {
        throw ToolError.run("open " + path + ": " + e.getMessage());
      }
    }
    if (bytes.length > MAX_BYTES) {
      throw ToolError.run("settings file " + path + " is " + bytes.length
          + " bytes; the limit is " + MAX_BYTES);
    }
    return parse(new String(bytes, StandardCharsets.UTF_8));
  }

  static Map<String, String> parse(String text) throws ToolError {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(10);
    options.setCodePointLimit(MAX_BYTES);
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      throw ToolError.run("yaml: line " + (e.getProblemMark().getLine() + 1) + ": "
          + e.getProblem());
    } catch (YAMLException e) {
      throw ToolError.run("yaml: " + e.getMessage());
    }
    Map<String, String> settings = new LinkedHashMap<>();
    if (root == null || (root instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
      return settings;
    }
    if (!(root instanceof MappingNode map)) {
      throw unmarshal(root, "map[string]string");
    }
    for (NodeTuple tuple : map.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw unmarshal(tuple.getKeyNode(), "string");
      }
      if (!(tuple.getValueNode() instanceof ScalarNode value)) {
        throw unmarshal(tuple.getValueNode(), "string");
      }
      settings.put(key.getValue(), value.getTag().equals(Tag.NULL) ? "" : value.getValue());
    }
    return settings;
  }

  private static ToolError unmarshal(Node node, String into) {
    String tag = node.getTag().getValue().replace(Tag.PREFIX, "!!");
    String shown = node instanceof ScalarNode s ? " `" + s.getValue() + "`" : "";
    return ToolError.run("yaml: unmarshal errors:\n  line " + (node.getStartMark().getLine() + 1)
        + ": cannot unmarshal " + tag + shown + " into " + into);
  }
}
