package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.GoText;
import charms.reactive.testing.internal.KeyValues;
import charms.reactive.testing.internal.SettingsFile;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code state-set [--file <path>|-] key=value ...}: sets charm state values (arguments override
 * the file); keys up to 256 bytes, values up to 64 KiB. Buffered until the hook succeeds.
 */
public final class StateSetTool extends Tool {
  static final int MAX_KEY = 256;
  static final int MAX_VALUE = 64 * 1024;

  @Override
  public String name() {
    return "state-set";
  }

  @Override
  protected String synopsis() {
    return "[--file <path>|-] key=value [key=value ...]";
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    flags.string("file", "file");
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    Map<String, String> overrides = KeyValues.parse(parsed.args());
    Map<String, String> values = new LinkedHashMap<>();
    String file = parsed.string("file");
    if (file != null && !file.isEmpty()) {
      values.putAll(SettingsFile.read(file, io));
    }
    values.putAll(overrides);
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (e.getKey().getBytes(StandardCharsets.UTF_8).length > MAX_KEY) {
        throw ToolError.run("charm state key " + GoText.quote(e.getKey())
            + " exceeds the maximum of " + MAX_KEY + " bytes");
      }
      if (e.getValue().getBytes(StandardCharsets.UTF_8).length > MAX_VALUE) {
        throw ToolError.run("charm state value for key " + GoText.quote(e.getKey())
            + " exceeds the maximum of " + MAX_VALUE + " bytes");
      }
    }
    context.setCharmState(values);
  }
}
