package charms.reactive.fs.internal;

import charms.reactive.fs.FileAttributes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Applies {@link FileAttributes} to a path: owner and group only when they differ from the
 * current ones (so a process that is not root can still ask for its own user, or a group it is in),
 * then the permission bits. Needs a POSIX file system. Stateless.
 */
public final class Ownership {
  private static final PosixFilePermission[] BITS = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ};

  private Ownership() {
  }

  /** The permission set of the low nine bits of {@code mode}. */
  public static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (int bit = 0; bit < BITS.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        set.add(BITS[bit]);
      }
    }
    return set;
  }

  /** The mode bits of a permission set. */
  public static int mode(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (int bit = 0; bit < BITS.length; bit++) {
      if (permissions.contains(BITS[bit])) {
        mode |= 1 << bit;
      }
    }
    return mode;
  }

  /**
   * Makes {@code path} (not following a final link) have the attributes; returns whether anything
   * had to change.
   *
   * @throws UncheckedIOException naming the path and the user or group if it is unknown, or if
   *     the change is not permitted (only root can give a file to another user)
   */
  public static boolean apply(Path path, FileAttributes attributes) {
    try {
      PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
          LinkOption.NOFOLLOW_LINKS);
      if (view == null) {
        throw new IOException("the file system of " + path + " has no POSIX owners and modes");
      }
      PosixFileAttributes current = view.readAttributes();
      UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
      boolean changed = false;
      if (attributes.owner() != null) {
        UserPrincipal user = lookupUser(lookup, attributes.owner(), path);
        if (!user.equals(current.owner())) {
          change(path, "owner", attributes.owner(), () -> view.setOwner(user));
          changed = true;
        }
      }
      if (attributes.group() != null) {
        GroupPrincipal group = lookupGroup(lookup, attributes.group(), path);
        if (!group.equals(current.group())) {
          change(path, "group", attributes.group(), () -> view.setGroup(group));
          changed = true;
        }
      }
      Set<PosixFilePermission> wanted = permissions(attributes.mode());
      if (!wanted.equals(current.permissions())) {
        change(path, "mode", "0" + Integer.toOctalString(attributes.mode()),
            () -> view.setPermissions(wanted));
        changed = true;
      }
      return changed;
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  private static UserPrincipal lookupUser(UserPrincipalLookupService lookup, String name, Path path)
      throws IOException {
    try {
      return lookup.lookupPrincipalByName(name);
    } catch (UserPrincipalNotFoundException e) {
      throw new IOException("cannot give " + path + " to user '" + name + "': no such user", e);
    }
  }

  private static GroupPrincipal lookupGroup(UserPrincipalLookupService lookup, String name, Path path)
      throws IOException {
    try {
      return lookup.lookupPrincipalByGroupName(name);
    } catch (UserPrincipalNotFoundException e) {
      throw new IOException("cannot give " + path + " to group '" + name + "': no such group", e);
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static void change(Path path, String what, String to, IoAction action) throws IOException {
    try {
      action.run();
    } catch (FileSystemException e) {
      String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
      throw new IOException("cannot set the " + what + " of " + path + " to " + to + ": " + reason
          + (what.equals("mode") ? "" : " (only root can give files to another user, or to a group"
              + " it is not in)"), e);
    }
  }
}
