package charms.reactive.relations;

import charms.reactive.Handler;
import charms.reactive.spi.HandlerProvider;
import charms.reactive.HookContext;
import charms.reactive.relations.internal.InterfaceHandlerReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Supplies the interface handlers of each hook and makes the hook's endpoints (it is the first
 * part of this module a hook asks). Order: implementation classes in the order of their first
 * relation name; within a class its handlers in source order; each handler once per relation of
 * the class, in name order (the original's order).
 */
final class InterfaceHandlers implements HandlerProvider {
  private final Map<Class<?>, List<InterfaceHandlerReader.Template>> templates;

  InterfaceHandlers(Map<Class<?>, List<InterfaceHandlerReader.Template>> templates) {
    this.templates = templates;
  }

  @Override
  public List<Handler> handlers(HookContext context) {
    Endpoints endpoints = context.service(Endpoints.class);
    endpoints.bind(context);
    Map<Class<?>, List<String>> namesByClass = new LinkedHashMap<>();
    Map<String, Object> instances = endpoints.implementedInstances();
    instances.forEach((name, instance) -> namesByClass.computeIfAbsent(
        endpoints.declared(name).orElseThrow().implementation().type(), c -> new ArrayList<>()).add(name));
    List<Handler> handlers = new ArrayList<>();
    namesByClass.forEach((type, names) -> {
      for (InterfaceHandlerReader.Template t : templates.getOrDefault(type, List.of())) {
        for (String name : names) {
          Endpoints.Declared d = endpoints.declared(name).orElseThrow();
          handlers.add(t.expand(name, d.role().key(), d.interfaceName(), instances.get(name), context));
        }
      }
    });
    return handlers;
  }
}
