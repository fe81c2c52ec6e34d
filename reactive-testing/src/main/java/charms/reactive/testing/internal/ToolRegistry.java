package charms.reactive.testing.internal;

import charms.reactive.testing.internal.tools.ActionFailTool;
import charms.reactive.testing.internal.tools.ActionGetTool;
import charms.reactive.testing.internal.tools.ActionLogTool;
import charms.reactive.testing.internal.tools.ActionSetTool;
import charms.reactive.testing.internal.tools.ApplicationVersionSetTool;
import charms.reactive.testing.internal.tools.ConfigGetTool;
import charms.reactive.testing.internal.tools.GoalStateTool;
import charms.reactive.testing.internal.tools.IsLeaderTool;
import charms.reactive.testing.internal.tools.JujuLogTool;
import charms.reactive.testing.internal.tools.LeaderGetTool;
import charms.reactive.testing.internal.tools.LeaderSetTool;
import charms.reactive.testing.internal.tools.NetworkGetTool;
import charms.reactive.testing.internal.tools.OpenedPortsTool;
import charms.reactive.testing.internal.tools.PortTool;
import charms.reactive.testing.internal.tools.RelationGetTool;
import charms.reactive.testing.internal.tools.RelationIdsTool;
import charms.reactive.testing.internal.tools.RelationListTool;
import charms.reactive.testing.internal.tools.RelationSetTool;
import charms.reactive.testing.internal.tools.StateDeleteTool;
import charms.reactive.testing.internal.tools.StateGetTool;
import charms.reactive.testing.internal.tools.StateSetTool;
import charms.reactive.testing.internal.tools.StatusGetTool;
import charms.reactive.testing.internal.tools.StatusSetTool;
import charms.reactive.testing.internal.tools.Tool;
import charms.reactive.testing.internal.tools.UnitGetTool;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The fake tools by name, and the Juju tools the fake knows of but does not implement. */
public final class ToolRegistry {
  private static final Map<String, Tool> TOOLS;

  /** Juju 3.x tools this fake does not implement; calling one is a loud failure, not a no-op. */
  public static final Set<String> NOT_IMPLEMENTED = Collections.unmodifiableSet(new TreeSet<>(
      Set.of("secret-add", "secret-get", "secret-set", "secret-remove", "secret-grant",
      "secret-revoke", "secret-ids", "secret-info-get", "storage-get", "storage-list",
      "storage-add",
      "resource-get", "credential-get", "juju-reboot", "add-metric", "relation-model-get",
      "payload-register", "payload-unregister", "payload-status-set")));

  static {
    TreeMap<String, Tool> tools = new TreeMap<>();
    for (Tool t : List.of(new JujuLogTool(), new ConfigGetTool(), new RelationIdsTool(),
        new RelationListTool(), new RelationGetTool(), new RelationSetTool(), new IsLeaderTool(),
        new LeaderGetTool(), new LeaderSetTool(), new StatusSetTool(), new StatusGetTool(),
        new ApplicationVersionSetTool(), new PortTool(true), new PortTool(false),
        new OpenedPortsTool(), new UnitGetTool(), new NetworkGetTool(), new ActionGetTool(),
        new ActionSetTool(), new ActionFailTool(), new ActionLogTool(), new StateGetTool(),
        new StateSetTool(), new StateDeleteTool(), new GoalStateTool())) {
      tools.put(t.name(), t);
    }
    TOOLS = Collections.unmodifiableMap(tools);
  }

  private ToolRegistry() {
  }

  public static Optional<Tool> tool(String name) {
    return Optional.ofNullable(TOOLS.get(name));
  }

  /** The implemented tools' names, sorted. */
  public static Set<String> implemented() {
    return TOOLS.keySet();
  }

  /** Every name the executables directory provides: implemented and known-missing tools. */
  public static Set<String> executableNames() {
    TreeSet<String> all = new TreeSet<>(TOOLS.keySet());
    all.addAll(NOT_IMPLEMENTED);
    return all;
  }

  /** The message for a tool the fake does not implement. */
  public static String notImplementedMessage(String tool) {
    return tool + " is not implemented by the reactive-testing fake hook tools "
        + "(see reactive-testing/README.md, known gaps)";
  }
}
