package charms.reactive.bash.internal;

import java.util.List;

/** Executes one {@code charms.reactive} command line (the arguments after the program name). */
@FunctionalInterface
public interface CommandExecutor {

  CommandResult execute(List<String> args);
}
