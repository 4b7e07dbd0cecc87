package io.jenkins.plugins.parallelagents.agent;

import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a plan command into the argument list to execute. */
public final class AgentCommands {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)\\}");

  private AgentCommands() {}

  /**
   * A shell line runs with {@code sh -c} (the environment carries the AGENT_* variables); an
   * argument list is executed as-is, each element with its {@code {placeholder}}s replaced.
   */
  public static List<String> argv(CommandSpec command, Map<String, String> placeholders) {
    if (command.isShell()) {
      return List.of("sh", "-c", command.shell());
    }
    return command.argv().stream().map(arg -> substitute(arg, placeholders)).toList();
  }

  // One pass, so that a prompt containing "{task}" is not substituted a second time.
  static String substitute(String arg, Map<String, String> placeholders) {
    Matcher m = PLACEHOLDER.matcher(arg);
    StringBuilder result = new StringBuilder();
    while (m.find()) {
      String value = placeholders.get(m.group(1));
      m.appendReplacement(result, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(result);
    return result.toString();
  }
}
