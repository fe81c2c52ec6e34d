package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.GoText;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code action-set <key>=<value> ...}: dotted keys build nested results; each key segment must
 * follow Juju's key rule; {@code stdout}, {@code stderr} and their encodings are reserved.
 * Results are kept even if the action then fails.
 */
public final class ActionSetTool extends Tool {
  private static final Pattern KEY = Pattern.compile("^[a-z0-9](?:[a-z0-9-.]*[a-z0-9])?$");
  private static final Set<String> RESERVED =
      Set.of("stdout", "stdout-encoding", "stderr", "stderr-encoding");

  @Override
  public String name() {
    return "action-set";
  }

  @Override
  protected String synopsis() {
    return "<key>=<value> [<key>=<value> ...]";
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    List<List<String>> results = new ArrayList<>();
    for (String arg : parsed.args()) {
      int eq = arg.indexOf('=');
      if (eq < 0) {
        throw ToolError.usage("argument " + GoText.quote(arg)
            + " must be of the form key...=value");
      }
      List<String> keys = Arrays.asList(arg.substring(0, eq).split("\\.", -1));
      for (String key : keys) {
        if (!KEY.matcher(key).matches()) {
          throw ToolError.usage("key " + GoText.quote(key) + " must start and end with lowercase "
              + "alphanumeric, and contain only lowercase alphanumeric, hyphens and periods");
        }
        if (RESERVED.contains(key)) {
          throw ToolError.usage("cannot set reserved action key " + GoText.quote(key));
        }
      }
      List<String> entry = new ArrayList<>(keys);
      entry.add(arg.substring(eq + 1));
      results.add(entry);
    }
    requireAction(context);
    for (List<String> entry : results) {
      context.setActionResult(entry.subList(0, entry.size() - 1), entry.get(entry.size() - 1));
    }
  }
}
