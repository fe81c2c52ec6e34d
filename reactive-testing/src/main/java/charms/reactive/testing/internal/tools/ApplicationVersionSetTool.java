package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;

/** {@code application-version-set <version>}: the workload version. Immediate. */
public final class ApplicationVersionSetTool extends Tool {

  @Override
  public String name() {
    return "application-version-set";
  }

  @Override
  protected String synopsis() {
    return "<new-version>";
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    if (parsed.args().isEmpty()) {
      throw ToolError.usage("no version specified");
    }
    checkEmpty(parsed.args().subList(1, parsed.args().size()));
    context.setWorkloadVersion(parsed.args().get(0));
  }
}
