package io.jenkins.plugins.parallelagents.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the bundled example the demo runs: under the repository root that {@code
 * bin/parallel-agents} passes as {@value #HOME_PROPERTY}, or else above the current directory (a
 * developer running the jar from the checkout).
 */
final class ExampleLocator {

  static final String HOME_PROPERTY = "parallel.agents.home";
  static final Path EXAMPLE = Path.of("examples", "notification-preferences");
  static final String PLAN_FILE = "agents-plan.yaml";

  private final String home;
  private final Path start;

  /**
   * @param home the repository root, or {@code null} when not launched by bin/parallel-agents
   * @param start where to start looking upwards when there is no home
   */
  ExampleLocator(String home, Path start) {
    this.home = home;
    this.start = start;
  }

  Path locate() throws CliFailure {
    if (home != null && !home.isBlank()) {
      Path example = Path.of(home).resolve(EXAMPLE);
      if (isExample(example)) {
        return example;
      }
      throw notFound(example.toString());
    }
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path example = dir.resolve(EXAMPLE);
      if (isExample(example)) {
        return example;
      }
    }
    throw notFound(EXAMPLE + " in " + start.toAbsolutePath().normalize() + " or above it");
  }

  private static boolean isExample(Path dir) {
    return Files.isRegularFile(dir.resolve(PLAN_FILE));
  }

  private static CliFailure notFound(String where) {
    return new CliFailure(
        ExitCodes.ENVIRONMENT,
        List.of(
            "cannot find the demo example (" + PLAN_FILE + ") at " + where,
            "run the demo with bin/parallel-agents from a parallel-agents checkout"),
        null);
  }
}
