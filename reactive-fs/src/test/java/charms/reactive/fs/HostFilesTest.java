package charms.reactive.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HostFiles}: atomic, idempotent writes and directories with owner, group and mode. */
class HostFilesTest {
  @TempDir
  Path dir;

  static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  Object inode(Path p) throws IOException {
    return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
  }

  String perms(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  List<String> entries() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesOnlyWhenTheContentDiffersAndReplacesTheFileWhole() throws IOException {
    Path target = dir.resolve("app.conf");
    assertTrue(HostFiles.write(target, "one", FileAttributes.mode(0640)));
    assertEquals("one", Files.readString(target));
    Object first = inode(target);

    assertFalse(HostFiles.write(target, "one", FileAttributes.mode(0640)));
    assertEquals(first, inode(target), "same content: the file was not rewritten");

    assertTrue(HostFiles.write(target, "two".getBytes(StandardCharsets.UTF_8), FileAttributes.mode(0640)));
    assertEquals("two", Files.readString(target));
    assertNotEquals(first, inode(target), "replaced by renaming a new file over it");
    assertEquals(List.of("app.conf"), entries(), "no temporary file left behind");
  }

  @Test
  void theModeIsSetAndFixedEvenWhenTheContentIsTheSame() throws IOException {
    Path target = dir.resolve("secret.conf");
    HostFiles.write(target, "pw", FileAttributes.mode(0600));
    assertEquals("rw-------", perms(target));
    assertFalse(HostFiles.write(target, "pw", FileAttributes.mode(0640)));
    assertEquals("rw-r-----", perms(target));
    HostFiles.write(target, "pw2", FileAttributes.file());
    assertEquals("r--r--r--", perms(target), "charmhelpers' default 0444");
  }

  @Test
  void aSymbolicLinkIsKeptAndTheFileItPointsToIsReplaced() throws IOException {
    Path real = dir.resolve("real.conf");
    Files.writeString(real, "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.conf"), real.getFileName());
    assertTrue(HostFiles.write(link, "new", FileAttributes.mode(0644)));
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(real));
  }

  @Test
  void aMissingDirectoryOrADirectoryTargetIsAnErrorNamingThePath() throws IOException {
    Path nowhere = dir.resolve("missing/app.conf");
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> HostFiles.write(nowhere, "x", FileAttributes.file()));
    assertTrue(e.getMessage().contains(nowhere.toString()), e.getMessage());

    Path sub = Files.createDirectory(dir.resolve("sub"));
    e = assertThrows(UncheckedIOException.class, () -> HostFiles.write(sub, "x", FileAttributes.file()));
    assertTrue(e.getMessage().contains(sub.toString()) && e.getMessage().contains("directory"),
        e.getMessage());
  }

  @Test
  void anUnknownOwnerFailsNamingItAndLeavesNothingBehind() throws IOException {
    Path target = dir.resolve("app.conf");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> HostFiles.write(target, "x",
        FileAttributes.mode(0644).withOwner("no-such-user-for-charms")));
    assertTrue(e.getMessage().contains("no-such-user-for-charms") && e.getMessage().contains(target.toString()),
        e.getMessage());
    assertEquals(List.of(), entries());

    e = assertThrows(UncheckedIOException.class, () -> HostFiles.write(target, "x",
        FileAttributes.mode(0644).withGroup("no-such-group-for-charms")));
    assertTrue(e.getMessage().contains("no-such-group-for-charms"), e.getMessage());
  }

  @Test
  void theCurrentUserAndGroupAreAlwaysAllowed() throws IOException {
    Path target = dir.resolve("mine.conf");
    Files.writeString(target, "x");
    PosixFileAttributes attrs = Files.readAttributes(target, PosixFileAttributes.class);
    Files.delete(target);
    FileAttributes mine = FileAttributes.mode(0644).withOwner(attrs.owner().getName())
        .withGroup(attrs.group().getName());
    assertTrue(HostFiles.write(target, "x", mine));
    assertEquals(attrs.owner(), Files.getOwner(target));
  }

  @Test
  void asRootFilesCanBeGivenToAnotherUser() throws IOException {
    assumeTrue(ROOT, "needs root");
    assumeTrue(userExists("nobody"), "needs the user nobody");
    Path target = dir.resolve("theirs.conf");
    HostFiles.write(target, "x", FileAttributes.mode(0640).withOwner("nobody"));
    assertEquals("nobody", Files.getOwner(target).getName());
  }

  @Test
  void notAsRootGivingAFileAwayFailsSayingWhy() {
    assumeFalse(ROOT, "root may give files away");
    Path target = dir.resolve("theirs.conf");
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> HostFiles.write(target, "x", FileAttributes.mode(0640).withOwner("root")));
    assertTrue(e.getMessage().contains("only root"), e.getMessage());
  }

  @Test
  void mkdirCreatesWithTheModeAndIsIdempotent() throws IOException {
    Path app = dir.resolve("a/b/app");
    assertTrue(HostFiles.mkdir(app, FileAttributes.directory().withMode(0750)));
    assertTrue(Files.isDirectory(app));
    assertEquals("rwxr-x---", perms(app));
    assertFalse(HostFiles.mkdir(app, FileAttributes.directory()));
    assertEquals("rwxr-xr-x", perms(app), "the attributes apply to an existing directory too");
  }

  @Test
  void mkdirRefusesSomethingElseInTheWay() throws IOException {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> HostFiles.mkdir(file, FileAttributes.directory()));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertArrayEquals("x".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
  }

  @Test
  void attributesAcceptOnlyPermissionBits() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FileAttributes.mode(04755));
    assertTrue(e.getMessage().contains("04755"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FileAttributes.file().withOwner(""));
    assertEquals("FileAttributes[owner=app, group=(left), mode=0640]",
        FileAttributes.mode(0640).withOwner("app").toString());
  }

  private static boolean userExists(String name) {
    try {
      Path probe = Files.createTempFile("owner-probe", "");
      try {
        probe.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
        return true;
      } finally {
        Files.delete(probe);
      }
    } catch (IOException e) {
      return false;
    }
  }
}
