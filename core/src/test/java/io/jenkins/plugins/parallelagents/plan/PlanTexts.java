package io.jenkins.plugins.parallelagents.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

/** Parses plan text in tests and turns the expected failure into the lines a user would read. */
final class PlanTexts {

  static final String FILE = "agents-plan.yaml";

  private PlanTexts() {}

  static Plan parse(String yaml) throws InvalidPlanException {
    return new PlanParser().parse(yaml, FILE);
  }

  /** The problems of a plan that must be invalid, each as {@code file:line:column: message}. */
  static List<String> problems(String text) {
    return problems(text, FILE);
  }

  static List<String> problems(String text, String fileName) {
    InvalidPlanException invalid =
        catchThrowableOfType(
            InvalidPlanException.class, () -> new PlanParser().parse(text, fileName));
    assertThat(invalid).as("the plan is rejected").isNotNull();
    return invalid.problems().stream().map(PlanProblem::toString).toList();
  }
}
