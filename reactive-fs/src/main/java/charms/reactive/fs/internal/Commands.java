package charms.reactive.fs.internal;

import java.util.List;
import java.util.regex.Pattern;

/** Shows a command (an argument array) readably in messages and logs; never used to run one. */
public final class Commands {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private Commands() {
  }

  /** The command as a POSIX shell would need it quoted, for reading only: {@code systemctl restart 'my app'}. */
  public static String quote(List<String> command) {
    StringBuilder out = new StringBuilder();
    for (String arg : command) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\"'\"'") + "'");
    }
    return out.toString();
  }
}
