package io.jenkins.plugins.parallelagents.plan;

/**
 * One thing wrong with a plan file, located so that an editor can jump to it.
 *
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 */
public record PlanProblem(String file, int line, int column, String message) {

  /**
   * The message on one line: it quotes values from the plan, and a value written as a multi-line
   * scalar would otherwise break the one-problem-per-line answer editors and CI parse.
   */
  public PlanProblem {
    message = message.replace("\r", "\\r").replace("\n", "\\n");
  }

  /** {@code agents-plan.yaml:14:9: task 'api' needs 'migraton', which is not a task}. */
  @Override
  public String toString() {
    if (line <= 0) {
      return file + ": " + message;
    }
    return file + ":" + line + ":" + column + ": " + message;
  }
}
