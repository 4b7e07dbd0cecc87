package io.jenkins.plugins.parallelagents.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The plan's {@code environment.ports}: environment variables that each hold a port of its own for
 * every task attempt and every run of the combined test, so that servers started side by side do
 * not collide.
 *
 * @param bases the base port of each variable, by variable name, in file order; empty when the plan
 *     names none
 */
public record PortSettings(Map<String, Integer> bases) {

  /** No port variables. */
  public static final PortSettings NONE = new PortSettings(Map.of());

  /** The lowest base: ports below need privileges on most systems. */
  public static final int MIN_PORT = 1024;

  public static final int MAX_PORT = 65535;

  /** A portable environment variable name; the schema carries the same pattern. */
  static final String NAME_PATTERN = "^[A-Za-z_][A-Za-z0-9_]*$";

  private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

  /**
   * Variables a step already gets from the engine or needs from the machine: a port in their place
   * would break the step or the engine's own contract.
   */
  private static final List<String> TAKEN =
      List.of(
          "PATH",
          "HOME",
          "USER",
          "LOGNAME",
          "SHELL",
          "PWD",
          "OLDPWD",
          "TMPDIR",
          "TEMP",
          "TMP",
          "LANG",
          "TERM",
          "IFS",
          "ENV",
          "BASH_ENV",
          "CDPATH",
          "HOSTNAME");

  /** Prefixes of the engine's own variables (agent contract, git, run marker) and the loader's. */
  private static final List<String> TAKEN_PREFIXES =
      List.of("AGENT_", "GIT_", "PARALLEL_AGENTS_", "LC_", "LD_");

  public PortSettings {
    bases = Collections.unmodifiableMap(new LinkedHashMap<>(bases));
    bases.forEach(
        (name, base) -> {
          nameProblem(name).ifPresent(why -> fail("'" + name + "' " + why));
          baseProblem(base).ifPresent(why -> fail("'" + name + "' " + why));
        });
  }

  /** Whether the plan names any port variable. */
  public boolean isEmpty() {
    return bases.isEmpty();
  }

  /**
   * Why {@code name} cannot be a port variable, or empty when it can: it must be a valid variable
   * name and not one the engine or the machine already gives a step.
   */
  public static Optional<String> nameProblem(String name) {
    if (!NAME.matcher(name).matches()) {
      return Optional.of(
          "is not a valid environment variable name: use letters, digits and '_', not starting"
              + " with a digit");
    }
    if (TAKEN.contains(name)) {
      return Optional.of("is a variable every step needs as it is; choose another name");
    }
    for (String prefix : TAKEN_PREFIXES) {
      if (name.startsWith(prefix)) {
        return Optional.of(
            "starts with '" + prefix + "', which the engine's own variables use; choose another");
      }
    }
    return Optional.empty();
  }

  /** Why {@code base} cannot start a port range, or empty when it can. */
  public static Optional<String> baseProblem(int base) {
    if (base < MIN_PORT || base > MAX_PORT) {
      return Optional.of("must be a port from " + MIN_PORT + " to " + MAX_PORT + ", not " + base);
    }
    return Optional.empty();
  }

  private static void fail(String why) {
    throw new IllegalArgumentException("environment.ports: " + why);
  }
}
