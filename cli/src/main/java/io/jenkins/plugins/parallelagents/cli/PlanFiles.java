package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.plan.InvalidPlanException;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import io.jenkins.plugins.parallelagents.plan.PlanProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads plan files for the commands, turning every way a plan can be unusable into exit 2. */
final class PlanFiles {

  // The command line has no Jenkins block to stand in for a missing agent: every task needs one,
  // and validate, run and its dry run all read plans through here, so they agree on it.
  private final PlanParser parser = PlanParser.requiringAgents();

  /** The valid plan in {@code file}, or a failure listing every problem, one per line. */
  Plan load(Path file) throws CliFailure {
    try {
      return parser.parse(file);
    } catch (InvalidPlanException e) {
      List<String> lines = e.problems().stream().map(PlanProblem::toString).toList();
      throw new CliFailure(ExitCodes.USAGE, lines, e);
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.USAGE, List.of(file + ": cannot read the plan: " + e.getMessage()), e);
    }
  }
}
