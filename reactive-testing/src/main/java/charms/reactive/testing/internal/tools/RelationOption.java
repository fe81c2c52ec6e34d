package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.RelationContext;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.UnitContext;

/**
 * The {@code -r/--relation} option of the relation tools ({@code jujuc/context.go
 * relationIdValue}): defaults to the hook's relation; a value is {@code 7} or {@code db:7}, the
 * text after the last {@code :} must be an integer ({@code invalid relation id}) naming a
 * relation of this unit ({@code relation not found}). The endpoint part is not checked, as in
 * Juju 3.x.
 */
final class RelationOption {
  static final String KEY = "relation";

  private RelationOption() {
  }

  static void define(FlagSet flags, UnitContext context) {
    flags.value(KEY, text -> {
      String trimmed = text.substring(text.lastIndexOf(':') + 1);
      int id;
      try {
        id = Integer.parseInt(trimmed);
      } catch (NumberFormatException e) {
        throw new FlagSet.InvalidValue("invalid relation id");
      }
      return context.relation(id)
          .orElseThrow(() -> new FlagSet.InvalidValue("relation not found"));
    }, "r", "relation");
    context.hookRelation().ifPresent(r -> flags.defaultValue(KEY, r));
  }

  /** The chosen relation. @throws ToolError (exit 2) if there is none */
  static RelationContext require(FlagSet.Parsed parsed) throws ToolError {
    Object relation = parsed.value(KEY);
    if (relation == null) {
      throw ToolError.usage("no relation id specified");
    }
    return (RelationContext) relation;
  }

  /** The chosen relation, or null. */
  static RelationContext optional(FlagSet.Parsed parsed) {
    return (RelationContext) parsed.value(KEY);
  }
}
