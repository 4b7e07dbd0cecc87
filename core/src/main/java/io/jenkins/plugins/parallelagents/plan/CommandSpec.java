package io.jenkins.plugins.parallelagents.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.List;
import java.util.Objects;

/**
 * A command from the plan: either one shell line, run with {@code sh -c}, or an argument list that
 * is executed as-is, without a shell (its elements may contain placeholders such as {@code
 * {task}}).
 */
// isShell() is no property: detected, JSON would write "shell": true in place of the shell line.
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public record CommandSpec(String shell, List<String> argv) {

  public CommandSpec {
    if ((shell == null) == (argv == null)) {
      throw new IllegalArgumentException("a command is either a shell line or an argument list");
    }
    if (argv != null) {
      if (argv.isEmpty()) {
        throw new IllegalArgumentException("an argument list needs at least the program");
      }
      argv = List.copyOf(argv);
    }
  }

  public static CommandSpec shell(String line) {
    return new CommandSpec(Objects.requireNonNull(line), null);
  }

  public static CommandSpec argv(List<String> argv) {
    return new CommandSpec(null, argv);
  }

  public boolean isShell() {
    return shell != null;
  }

  /**
   * How the command reads in a report or a log: the shell line, or the arguments joined by spaces.
   */
  public String display() {
    return isShell() ? shell : String.join(" ", argv);
  }
}
