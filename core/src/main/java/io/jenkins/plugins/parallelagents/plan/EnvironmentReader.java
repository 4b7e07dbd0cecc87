package io.jenkins.plugins.parallelagents.plan;

/** Reads the plan's {@code environment} section, one sub-key at a time. */
final class EnvironmentReader {

  private final Problems problems;

  EnvironmentReader(Problems problems) {
    this.problems = problems;
  }

  /** {@code null} mapping: {@link EnvironmentSettings#NONE}. */
  EnvironmentSettings read(Node.Mapping mapping) {
    if (mapping == null) {
      return EnvironmentSettings.NONE;
    }
    MappingReader in = new MappingReader(mapping, "environment", PlanKeys.ENVIRONMENT, problems);
    return new EnvironmentSettings(carry(in));
  }

  private CarrySettings carry(MappingReader in) {
    java.util.List<Located<String>> items = in.textList("carry");
    if (items == null) {
      return CarrySettings.NONE;
    }
    boolean valid = true;
    for (Located<String> item : items) {
      String why = CarrySettings.problem(item.value()).orElse(null);
      if (why != null) {
        problems.add(item.position(), "environment: 'carry' pattern '" + item.value() + "' " + why);
        valid = false;
      }
    }
    return valid
        ? new CarrySettings(items.stream().map(Located::value).toList())
        : CarrySettings.NONE;
  }
}
