package io.jenkins.plugins.parallelagents.report;

import java.nio.file.Path;

/**
 * The layout of one run's directory: resolved plan, reports, and per task its prompt, step logs and
 * diff. A task with one attempt keeps its logs in {@code tasks/<id>/}; with several, each attempt
 * has {@code tasks/<id>/attempt-<n>/}.
 */
public record RunDirectory(Path root) {

  public static final String REPORT_JSON = "report.json";
  public static final String REPORT_MD = "report.md";
  public static final String REPORT_HTML = "report.html";
  public static final String JUNIT_XML = "junit.xml";

  /**
   * A distributed run's {@code junit.xml} without the tasks that handed off: a host that records
   * each task's own {@code tasks/<id>/junit.xml} where it ran records this one after the merge.
   */
  public static final String JUNIT_MERGE_XML = "junit-merge.xml";

  public static final String PLAN_JSON = "plan.json";

  public Path reportJson() {
    return root.resolve(REPORT_JSON);
  }

  public Path planJson() {
    return root.resolve(PLAN_JSON);
  }

  public Path taskDir(String taskId) {
    return root.resolve("tasks").resolve(taskId);
  }

  /** A distributed task's own {@code junit.xml}, written when it hands off. */
  public Path taskJunit(String taskId) {
    return taskDir(taskId).resolve(JUNIT_XML);
  }

  public Path promptFile(String taskId) {
    return taskDir(taskId).resolve("prompt.md");
  }

  public Path diffFile(String taskId) {
    return taskDir(taskId).resolve("diff.patch");
  }

  /** Log of {@code step} (setup, agent, verify) for one attempt of a task. */
  public Path stepLog(String taskId, int attempt, int attempts, String step) {
    return root.resolve(relativeStepLog(taskId, attempt, attempts, step));
  }

  /** The same path relative to the run directory, as reports link to it. */
  public static String relativeStepLog(String taskId, int attempt, int attempts, String step) {
    String dir = "tasks/" + taskId + "/";
    if (attempts > 1) {
      dir += "attempt-" + attempt + "/";
    }
    return dir + step + ".log";
  }

  /** Log of a run-level step: {@code merge}, {@code test}, {@code publish}. */
  public Path phaseLog(String phase) {
    return root.resolve(phase + ".log");
  }
}
