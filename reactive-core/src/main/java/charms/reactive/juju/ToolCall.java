package charms.reactive.juju;

import java.util.List;

/** One hook-tool process start: the tool and its arguments. */
public record ToolCall(String tool, List<String> args) {

  public ToolCall {
    args = List.copyOf(args);
  }

  @Override
  public String toString() {
    return args.isEmpty() ? tool : tool + " " + String.join(" ", args);
  }
}
