package io.jenkins.plugins.parallelagents.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the plan's {@code environment} section, reporting each wrong value where it is written. */
final class EnvironmentReader {

  private final Problems problems;

  EnvironmentReader(Problems problems) {
    this.problems = problems;
  }

  /** {@code null} mapping: no environment; problems are reported, and their part left out. */
  EnvironmentSettings read(Node.Mapping mapping) {
    if (mapping == null) {
      return EnvironmentSettings.NONE;
    }
    MappingReader in = new MappingReader(mapping, "environment", PlanKeys.ENVIRONMENT, problems);
    return new EnvironmentSettings(ports(in.mapping("ports")));
  }

  private PortSettings ports(Node.Mapping mapping) {
    if (mapping == null) {
      return PortSettings.NONE;
    }
    // Any name may be a key here: the names are checked below, each at its own key.
    List<String> names = mapping.entries().stream().map(Node.Entry::key).toList();
    MappingReader in = new MappingReader(mapping, "environment.ports", names, problems);
    Map<String, Integer> bases = new LinkedHashMap<>();
    for (Node.Entry entry : mapping.entries()) {
      String name = entry.key();
      if (!in.has(name) || bases.containsKey(name)) {
        continue;
      }
      String why = PortSettings.nameProblem(name).orElse(null);
      if (why != null) {
        problems.add(entry.keyPosition(), "environment.ports: '" + name + "' " + why);
        continue;
      }
      Integer base = in.integer(name, PortSettings.MIN_PORT, PortSettings.MAX_PORT);
      if (base != null) {
        bases.put(name, base);
      }
    }
    return new PortSettings(bases);
  }
}
