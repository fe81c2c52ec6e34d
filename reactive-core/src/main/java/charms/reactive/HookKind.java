package charms.reactive;

/** What kind of event a hook process is running for. */
public enum HookKind {
  /** {@code install}, {@code config-changed}, {@code update-status} and the other unit hooks. */
  UNIT,
  /** {@code <endpoint>-relation-{created,joined,changed,departed,broken}}. */
  RELATION,
  /** {@code <storage>-storage-{attached,detaching}}. */
  STORAGE,
  /** An action, dispatched as {@code actions/<name>}. */
  ACTION,
  /** {@code <container>-pebble-*} (Kubernetes sidecar charms). */
  WORKLOAD,
  /** {@code secret-{changed,rotate,remove,expired}}. */
  SECRET
}
