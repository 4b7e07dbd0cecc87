package io.jenkins.plugins.parallelagents.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found in one plan file, so that all of them are reported at once. */
final class Problems {

  private final String file;
  private final List<PlanProblem> found = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  void add(Position position, String message) {
    found.add(new PlanProblem(file, position.line(), position.column(), message));
  }

  int size() {
    return found.size();
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** The problems in file order (whole-file problems first), as a reader fixes them. */
  InvalidPlanException toException() {
    List<PlanProblem> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparingInt(PlanProblem::line).thenComparingInt(PlanProblem::column));
    return new InvalidPlanException(sorted);
  }
}
