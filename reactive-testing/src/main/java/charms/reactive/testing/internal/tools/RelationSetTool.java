package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.KeyValues;
import charms.reactive.testing.internal.RelationContext;
import charms.reactive.testing.internal.SettingsFile;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code relation-set [-r id] [--app] [--file <path>|-] [key=value ...]}: merges into this
 * unit's bag (or the application's with {@code --app}, leader only); an empty value deletes;
 * {@code key=value} arguments override the file. Buffered until the hook succeeds.
 */
public final class RelationSetTool extends Tool {

  @Override
  public String name() {
    return "relation-set";
  }

  @Override
  protected String synopsis() {
    return "[-r <id>] [--app] [--file <path>|-] key=value [key=value ...]";
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    RelationOption.define(flags, context);
    flags.string("file", "file").bool("app", "app").string("format", "format");
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    RelationContext relation = RelationOption.require(parsed);
    Map<String, String> overrides = KeyValues.parse(parsed.args());
    warnDeprecatedFormat(parsed, io);
    Map<String, String> settings = new LinkedHashMap<>();
    String file = parsed.string("file");
    if (file != null && !file.isEmpty()) {
      settings.putAll(SettingsFile.read(file, io));
    }
    settings.putAll(overrides);
    boolean app = parsed.bool("app");
    if (app && !context.isLeader()) {
      throw ToolError.run("cannot write relation settings");
    }
    context.relationSet(relation, app, settings);
  }
}
