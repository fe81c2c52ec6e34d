package charms.reactive.fs;

/**
 * The owner, group and permission bits a file or directory written by {@link HostFiles} or
 * {@link Templates} should have.
 *
 * <p>A null owner or group means "whatever the writing process gives it": the hook's user, which
 * is root on a Juju unit. The mode holds permission bits only ({@code 0} to {@code 0777}); set-id
 * and sticky bits are not supported. The defaults follow charmhelpers where it has one:
 * {@code 0444} for files ({@code write_file} and {@code render}), but {@code 0755} for directories
 * (charmhelpers' {@code mkdir} uses {@code 0555}, which even the owner cannot write into unless it
 * is root). Use a tighter mode, such as {@code 0640}, for files holding secrets.
 *
 * @param owner a user name (or numeric id), or null to leave it
 * @param group a group name (or numeric id), or null to leave it
 * @param mode the permission bits, such as {@code 0640}
 */
public record FileAttributes(String owner, String group, int mode) {
  public static final int DEFAULT_FILE_MODE = 0444;
  public static final int DEFAULT_DIRECTORY_MODE = 0755;

  /** @throws IllegalArgumentException if the mode has bits outside 0777, or a name is empty */
  public FileAttributes {
    if ((mode & ~0777) != 0) {
      throw new IllegalArgumentException("mode 0" + Integer.toOctalString(mode)
          + " is not supported: only permission bits (0 to 0777)");
    }
    if (owner != null && owner.isEmpty() || group != null && group.isEmpty()) {
      throw new IllegalArgumentException("an owner or group name must not be empty (use null to leave it)");
    }
  }

  /** Mode {@value #DEFAULT_FILE_MODE} (octal 0444), owner and group left. */
  public static FileAttributes file() {
    return new FileAttributes(null, null, DEFAULT_FILE_MODE);
  }

  /** Mode {@value #DEFAULT_DIRECTORY_MODE} (octal 0755), owner and group left. */
  public static FileAttributes directory() {
    return new FileAttributes(null, null, DEFAULT_DIRECTORY_MODE);
  }

  /** The given mode, owner and group left. */
  public static FileAttributes mode(int mode) {
    return new FileAttributes(null, null, mode);
  }

  public FileAttributes withOwner(String user) {
    return new FileAttributes(user, group, mode);
  }

  public FileAttributes withGroup(String groupName) {
    return new FileAttributes(owner, groupName, mode);
  }

  public FileAttributes withMode(int newMode) {
    return new FileAttributes(owner, group, newMode);
  }

  @Override
  public String toString() {
    return "FileAttributes[owner=" + (owner == null ? "(left)" : owner) + ", group="
        + (group == null ? "(left)" : group) + ", mode=0" + Integer.toOctalString(mode) + "]";
  }
}
