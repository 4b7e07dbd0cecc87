package io.jenkins.plugins.parallelagents.run;

/**
 * Branch names of a run. Attempts use a dot ({@code api.attempt-2}) rather than a slash because git
 * cannot hold both {@code agents/r/api} and {@code agents/r/api/attempt-2}; the integration
 * branch's leading underscore cannot be a task id.
 */
public record Branches(String runId) {

  public String task(String taskId) {
    return "agents/" + runId + "/" + taskId;
  }

  public String attempt(String taskId, int attempt) {
    return task(taskId) + ".attempt-" + attempt;
  }

  /** The branch an attempt works on: the task's own when it has a single attempt. */
  public String forAttempt(String taskId, int attempt, int attempts) {
    return attempts == 1 ? task(taskId) : attempt(taskId, attempt);
  }

  public String integration() {
    return "agents/" + runId + "/_integration";
  }
}
