package charms.reactive.juju;

import charms.reactive.HookContext;
import charms.reactive.ReactiveException;

/**
 * What this hook read from Juju for the managed flags, made by the integration's start callbacks
 * and read by its sources: one per hook (a per-hook service), so the sources themselves hold no
 * state and change nothing when subscribed.
 */
final class Readings {
  ConfigFlags.Reading config;
  LeadershipFlags.Reading leadership;

  static Readings of(HookContext context) {
    return context.service(Readings.class);
  }

  ConfigFlags.Reading config() {
    if (config == null) {
      throw new ReactiveException("the config flags were subscribed to before the hook read the "
          + "config (the Juju integration's start callback reads it)");
    }
    return config;
  }

  LeadershipFlags.Reading leadership() {
    if (leadership == null) {
      throw new ReactiveException("the leadership flags were subscribed to before the hook read "
          + "leadership (the Juju integration's start callback reads it)");
    }
    return leadership;
  }
}
