package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.GoText;
import charms.reactive.testing.internal.Output;
import charms.reactive.testing.internal.RelationContext;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;
import charms.reactive.testing.internal.UnitNames;
import java.util.List;
import java.util.Map;

/**
 * {@code relation-get [--format F] [-r id] [--app] [<key>|-] [<unit-or-app>]}.
 *
 * <p>The target defaults to the hook's remote unit, else (created/broken) the remote application
 * with {@code --app} implied. Reads of this unit's bag, and of this application's bag by the
 * leader, include the hook's pending writes; everything else comes from the hook's snapshot, as
 * Juju reads it through the controller: remote bags, and this application's bag for a
 * non-leader, which is allowed only in peer relations ({@code permission denied} otherwise).
 */
public final class RelationGetTool extends Tool {

  @Override
  public String name() {
    return "relation-get";
  }

  @Override
  protected String synopsis() {
    return "[--format <smart|yaml|json>] [-r <id>] [--app] [<key>|-] [<unit or app>]";
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    Output.addFlags(flags);
    RelationOption.define(flags, context);
    flags.bool("app", "app");
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    RelationContext relation = RelationOption.require(parsed);
    List<String> args = parsed.args();
    String key = "";
    if (!args.isEmpty()) {
      key = args.get(0).equals("-") ? "" : args.get(0);
      args = args.subList(1, args.size());
    }
    boolean app = parsed.bool("app");
    String target;
    if (!args.isEmpty()) {
      String given = args.get(0);
      args = args.subList(1, args.size());
      if (app) {
        target = UnitNames.isValidUnit(given) ? UnitNames.applicationOf(given) : given;
      } else if (!UnitNames.isValidUnit(given)) {
        throw ToolError.usage(UnitNames.isValidApplication(given)
            ? "expected unit name, got application name " + GoText.quote(given)
            : "invalid unit name " + GoText.quote(given));
      } else {
        target = given;
      }
    } else if (app) {
      target = context.remoteApp().orElseThrow(
          () -> ToolError.usage("no unit or application specified"));
    } else if (context.remoteUnit().isPresent()) {
      target = context.remoteUnit().get();
    } else if (context.remoteApp().isPresent()) {
      target = context.remoteApp().get();
      app = true;
    } else {
      throw ToolError.usage("no unit or application specified");
    }
    checkEmpty(args);

    Map<String, String> settings = read(context, relation, target, app);
    Output out = Output.from(parsed);
    out.write(io, key.isEmpty() ? settings : settings.get(key));
  }

  private static Map<String, String> read(UnitContext context, RelationContext relation,
      String target, boolean app) throws ToolError {
    if (target.equals(context.unitName())) {
      return relation.unitBag();
    }
    if (target.equals(context.appName()) && context.isLeader()) {
      return app ? relation.appBag() : relation.unitBag();
    }
    if (!app) {
      Map<String, String> data = relation.remoteUnitData(target);
      if (data == null) {
        throw ToolError.run("cannot read settings for unit " + GoText.quote(target)
            + " in relation " + GoText.quote(relation.ref()) + ": permission denied");
      }
      return data;
    }
    if (target.equals(context.appName())) {
      if (!relation.isPeer()) {
        throw ToolError.run("permission denied");
      }
      return relation.committedAppData();
    }
    if (target.equals(relation.remoteApp())) {
      return relation.remoteAppData();
    }
    throw ToolError.run("permission denied");
  }
}
