package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import java.util.ArrayList;
import java.util.List;

/** How the jobs of a distributed run word an environment that cannot run them. */
final class DistributedFailures {

  private DistributedFailures() {}

  static CliFailure environment(EnvironmentException e) {
    return new CliFailure(ExitCodes.ENVIRONMENT, lines(e), e);
  }

  static List<String> lines(EnvironmentException e) {
    List<String> lines = new ArrayList<>(List.of(e.getMessage()));
    if (e.fix() != null && !e.fix().isBlank()) {
      lines.add(e.fix());
    }
    return lines;
  }
}
