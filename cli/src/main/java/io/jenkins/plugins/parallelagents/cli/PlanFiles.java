package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.plan.InvalidPlanException;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import io.jenkins.plugins.parallelagents.plan.PlanProblem;
import io.jenkins.plugins.parallelagents.plan.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads plan files for the commands, turning every way a plan can be unusable into exit 2. */
final class PlanFiles {

  private final PlanParser parser = new PlanParser();

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

  /**
   * The CLI has no Jenkins block to stand in for a missing agent, so every task must name one
   * before anything starts: finding out after the foundation ran would waste it.
   */
  static void requireAgents(Plan plan) throws CliFailure {
    List<String> missing =
        plan.tasks().stream().filter(t -> t.agent() == null).map(Task::id).toList();
    if (missing.isEmpty()) {
      return;
    }
    String names = Words.quoted(missing);
    String sentence =
        missing.size() == 1
            ? "task " + names + " has no agent: set `agent:` on the task"
            : "tasks " + names + " have no agent: set `agent:` on each of them";
    throw new CliFailure(
        ExitCodes.USAGE, plan.source() + ": " + sentence + " or `defaults.agent` in the plan");
  }
}
