package io.jenkins.plugins.parallelagents.agent;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The prompt's line about the ports an attempt holds, so that the agent starts servers on them. */
final class PortLines {

  private PortLines() {}

  /**
   * One context line, or nothing when there are no ports. The prompt is the same for every attempt,
   * so with several attempts it lists each one's ports and says which variable tells them apart.
   */
  static String of(List<Map<String, Integer>> attemptPorts) {
    if (attemptPorts.isEmpty() || attemptPorts.get(0).isEmpty()) {
      return "";
    }
    String names = attemptPorts.get(0).keySet().stream().map(name -> "$" + name).collect(joining());
    String use =
        " (in the environment as "
            + names
            + "): start servers on these ports, not on fixed ones; other tasks run at the same"
            + " time on theirs\n";
    if (attemptPorts.size() == 1) {
      return "- Ports: " + values(attemptPorts.get(0)) + use;
    }
    StringBuilder line =
        new StringBuilder("- Ports, by attempt ($AGENT_ATTEMPT says which is yours):");
    for (int i = 0; i < attemptPorts.size(); i++) {
      line.append(i == 0 ? " " : "; ")
          .append(i + 1)
          .append(": ")
          .append(values(attemptPorts.get(i)));
    }
    return line + use;
  }

  private static String values(Map<String, Integer> ports) {
    return ports.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(joining());
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(", ");
  }
}
