package io.jenkins.plugins.parallelagents.plan;

import java.util.List;
import java.util.stream.Collectors;

/** A plan that cannot be run, with every problem found in it. */
public final class InvalidPlanException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<PlanProblem> problems;

  public InvalidPlanException(List<PlanProblem> problems) {
    super(problems.stream().map(PlanProblem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid plan has at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<PlanProblem> problems() {
    return problems;
  }
}
