package charms.reactive.bash.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original's discovery rules, in a defined order. */
class DiscoveryTest {
  @TempDir
  Path charm;

  Path file(String relative, byte[] content, boolean executable) throws Exception {
    Path f = charm.resolve(relative);
    Files.createDirectories(f.getParent());
    Files.write(f, content);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    return f;
  }

  /** The original skips the files of a {@code __pycache__} directory, not its subdirectories. */
  @Test
  void findsExecutableScriptsAndBinariesOnlyInSortedOrder() throws Exception {
    byte[] script = "#!/bin/bash\n".getBytes(StandardCharsets.UTF_8);
    file("reactive/b.sh", script, true);
    file("reactive/a", script, true);
    file("reactive/sub/c.sh", script, true);
    file("reactive/.hidden", script, true);
    file("reactive/not-exec.sh", script, false);
    file("reactive/notes.txt", script, true);
    file("reactive/module.py", script, true);
    file("reactive/__pycache__/cached", script, true);
    file("reactive/__pycache__/sub/deep", script, true);
    file("reactive/plain-text", "echo hi\n".getBytes(StandardCharsets.UTF_8), true);
    file("reactive/binary", new byte[] {(byte) 0x7f, 'E', 'L', 'F', (byte) 0xff, (byte) 0xfe}, true);
    file("hooks/relations/pgsql/requires.sh", script, true);
    file("hooks/reactive/z", script, true);
    List<String> found = Discovery.handlers(charm).stream().map(p -> charm.relativize(p).toString()).toList();
    assertEquals(List.of("reactive/.hidden", "reactive/__pycache__/sub/deep", "reactive/a", "reactive/b.sh",
        "reactive/binary", "reactive/sub/c.sh",
        "hooks/reactive/z", "hooks/relations/pgsql/requires.sh"), found);
  }

  @Test
  void aMultibyteCharacterCutAtTheSniffLimitIsStillText() {
    byte[] head = new byte[1024];
    Arrays.fill(head, (byte) 'a');
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
    head[1022] = euro[0];
    head[1023] = euro[1];
    assertTrue(Discovery.isUtf8Text(head), "the cut character does not make the file binary");
    head[10] = (byte) 0xff;
    assertFalse(Discovery.isUtf8Text(head));
  }
}
