package charms.reactive.bash.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds external handlers as the original does: under {@code reactive/},
 * {@code hooks/reactive/} and {@code hooks/relations/} of the charm directory, recursively, every
 * regular file that is executable, whose extension is empty or {@code .sh}, and that starts with
 * {@code #!} or is a binary (its first 1024 bytes are not UTF-8). Files directly in a directory
 * named {@code __pycache__} are skipped (those of its subdirectories are not, as in the
 * original). Unlike the original, the order is defined: roots in that order,
 * and within a root by relative path, sorted.
 */
public final class Discovery {
  public static final List<String> ROOTS = List.of("reactive", "hooks/reactive", "hooks/relations");
  private static final int SNIFF = 1024;

  private Discovery() {
  }

  /** The external handler files of a charm, in dispatch order. */
  public static List<Path> handlers(Path charmDir) {
    List<Path> found = new ArrayList<>();
    for (String root : ROOTS) {
      Path dir = charmDir.resolve(root);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(p -> !insidePycache(dir, p))
            .filter(Files::isRegularFile)
            .filter(Discovery::isExternalHandler)
            .sorted()
            .forEach(found::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list handlers under " + dir, e);
      }
    }
    return found;
  }

  /**
   * Whether the file lies directly in a directory named {@code __pycache__}: the original skips
   * such a directory's own files only, not its subdirectories.
   */
  private static boolean insidePycache(Path root, Path file) {
    Path parent = root.relativize(file).getParent();
    return parent != null && parent.getFileName().toString().equals("__pycache__");
  }

  static boolean isExternalHandler(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String extension = dot <= 0 ? "" : name.substring(dot);
    if (!extension.isEmpty() && !extension.equals(".sh")) {
      return false;
    }
    if (!Files.isExecutable(file)) {
      return false;
    }
    byte[] head = readHead(file);
    return startsWithShebang(head) || !isUtf8Text(head);
  }

  private static byte[] readHead(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(SNIFF);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static boolean startsWithShebang(byte[] head) {
    return head.length >= 2 && head[0] == '#' && head[1] == '!';
  }

  /**
   * Whether the bytes are UTF-8 text; a multi-byte character cut off by the 1024-byte limit still
   * counts as text (the original called such a file binary).
   */
  static boolean isUtf8Text(byte[] head) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int end = head.length;
    if (head.length == SNIFF) {
      int back = 0;
      while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80) {
        back++;
      }
      if (end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0xC0) {
        end = end - back - 1;
      }
    }
    try {
      decoder.decode(ByteBuffer.wrap(head, 0, end));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
