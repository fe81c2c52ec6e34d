package charms.reactive.relations;

import charms.reactive.HookContext;

/**
 * Joins and departs conversations in the conversation's own relation hooks only
 * (the original also joined them elsewhere, creating junk ones): at the start of {@code -relation-joined}, {@code -changed} and {@code -departed} the
 * remote unit joins its conversation in the relation base's scope; at the end of
 * {@code -relation-departed} it departs it, in that same scope.
 */
final class ConversationLifecycle {
  private ConversationLifecycle() {
  }

  static void start(HookContext context) {
    Endpoints endpoints = context.service(Endpoints.class);
    endpoints.bind(context);
    HookRelations hook = endpoints.hookRelations();
    for (RelationBase rb : endpoints.allRelationBases()) {
      String name = rb.relationName();
      boolean departed = hook.isRelationHook(name, "departed");
      if (departed || hook.isRelationHook(name, "joined") || hook.isRelationHook(name, "changed")) {
        rb.joinCurrent();
      }
      if (departed) {
        context.atExit(c -> rb.departCurrent());
      }
    }
  }
}
