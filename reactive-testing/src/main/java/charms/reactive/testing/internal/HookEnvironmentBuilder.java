package charms.reactive.testing.internal;

import charms.reactive.testing.CharmSpec;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.JujuState;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment Juju gives a hook or action process ({@code HookVars} of the 3.x
 * uniter plus {@code JUJU_DISPATCH_PATH} and the Ubuntu variables), including the variables Juju
 * sets even when empty ({@code JUJU_REMOTE_UNIT} in created/broken, {@code JUJU_HOOK_NAME} for
 * actions, {@code JUJU_PRINCIPAL_UNIT}, the proxies). Restricted hooks get Juju's short list.
 * The hook tools are reached over tcp, as in Juju's remote contexts.
 */
public final class HookEnvironmentBuilder {
  /** The controller address every hook is told about; nothing listens there. */
  static final String API_ADDRESSES = "192.0.2.254:17070";

  private static final Map<String, String> SERIES = Map.of("ubuntu@20.04", "focal",
      "ubuntu@22.04", "jammy", "ubuntu@24.04", "noble", "ubuntu@18.04", "bionic");

  private HookEnvironmentBuilder() {
  }

  /**
   * @param contextId the hook's {@code JUJU_CONTEXT_ID}
   * @param socketAddress the tool server's {@code host:port}
   * @param toolsDir the directory of tool executables, put first on {@code PATH}
   * @param basePath the rest of {@code PATH}
   * @param actionId the task id of an action (ignored for hooks)
   */
  public static Map<String, String> build(CharmSpec charm, JujuState state, HookEvent event,
      String contextId, String socketAddress, Path toolsDir, String basePath, String actionId) {
    Map<String, String> env = new TreeMap<>();
    String charmDir = charm.directory().toString();
    env.put("CHARM_DIR", charmDir);
    env.put("JUJU_CHARM_DIR", charmDir);
    env.put("JUJU_CONTEXT_ID", contextId);
    env.put("JUJU_AGENT_SOCKET_ADDRESS", socketAddress);
    env.put("JUJU_AGENT_SOCKET_NETWORK", "tcp");
    env.put("JUJU_UNIT_NAME", state.unitName());
    env.put("JUJU_DISPATCH_PATH", event.dispatchPath());
    env.put("PATH", toolsDir + (basePath == null || basePath.isEmpty() ? "" : ":" + basePath));
    env.put("APT_LISTCHANGES_FRONTEND", "none");
    env.put("DEBIAN_FRONTEND", "noninteractive");
    env.put("LANG", "C.UTF-8");
    env.put("TERM", "tmux-256color");
    if (event.isRestricted()) {
      return env;
    }
    env.put("JUJU_HOOK_NAME", event.isAction() ? "" : event.hookName());
    env.put("JUJU_MODEL_UUID", state.modelUuid());
    env.put("JUJU_MODEL_NAME", state.modelName());
    env.put("JUJU_API_ADDRESSES", API_ADDRESSES);
    env.put("JUJU_MACHINE_ID", "0");
    env.put("JUJU_PRINCIPAL_UNIT", "");
    env.put("JUJU_AVAILABILITY_ZONE", "");
    env.put("JUJU_VERSION", state.jujuVersion());
    env.put("CLOUD_API_VERSION", "");
    for (String proxy : new String[] {"HTTP", "HTTPS", "FTP", "NO"}) {
      env.put("JUJU_CHARM_" + proxy + "_PROXY", "");
    }
    if (majorVersion(state.jujuVersion()) < 4) {
      env.put("JUJU_SLA", "unsupported");
    }
    switch (event.kind()) {
      case RELATION -> relation(env, charm, state, event);
      case STORAGE -> {
        env.put("JUJU_STORAGE_ID", event.storageName() + "/" + event.storageIndex());
        env.put("JUJU_STORAGE_LOCATION", event.storageLocation());
        env.put("JUJU_STORAGE_KIND", charm.storage().getOrDefault(event.storageName(),
            "filesystem"));
      }
      case ACTION -> {
        env.put("JUJU_ACTION_NAME", event.name());
        env.put("JUJU_ACTION_UUID", actionId);
        env.put("JUJU_ACTION_TAG", "action-" + actionId);
      }
      case UNIT -> {
        if (event.targetBase() != null) {
          env.put("JUJU_TARGET_BASE", event.targetBase());
          env.put("JUJU_TARGET_SERIES", SERIES.getOrDefault(event.targetBase(), ""));
        }
      }
      default -> throw new IllegalStateException("unknown event kind " + event.kind());
    }
    return env;
  }

  private static void relation(Map<String, String> env, CharmSpec charm, JujuState state,
      HookEvent event) {
    env.put("JUJU_RELATION", event.endpoint());
    env.put("JUJU_RELATION_ID", event.endpoint() + ":" + event.relationId());
    String remoteApp = charm.isPeer(event.endpoint()) ? state.appName()
        : state.relation(event.relationId()).map(r -> r.remoteApp()).orElse("");
    env.put("JUJU_REMOTE_APP", remoteApp == null ? "" : remoteApp);
    env.put("JUJU_REMOTE_UNIT", event.remoteUnit() == null ? "" : event.remoteUnit());
    if ("relation-departed".equals(event.name())) {
      env.put("JUJU_DEPARTING_UNIT", event.departingUnit() == null ? "" : event.departingUnit());
    }
  }

  /** The major version of {@code 3.6.4}; 0 if it cannot be read. */
  public static int majorVersion(String version) {
    try {
      return Integer.parseInt(version.split("\\.")[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
