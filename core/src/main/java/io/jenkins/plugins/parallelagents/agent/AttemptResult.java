package io.jenkins.plugins.parallelagents.agent;

import io.jenkins.plugins.parallelagents.report.TaskStatus;

/**
 * How one attempt ended.
 *
 * @param exitCode exit code of the step that decided the outcome, or {@code null} if none ran
 * @param startCommit where the attempt's own work begins (base, foundation and needs merged), or
 *     {@code null} if the attempt never got that far
 * @param commit the attempt branch's commit after the agent's work was committed
 * @param reason why it did not succeed, or {@code null}
 */
public record AttemptResult(
    int attempt,
    TaskStatus status,
    Integer exitCode,
    long durationMs,
    String startCommit,
    String commit,
    String reason) {

  /**
   * The same attempt, failed for {@code why} (added before any reason it already had), keeping
   * {@code commit} as its work.
   */
  public AttemptResult failed(String why, String commit) {
    return new AttemptResult(
        attempt,
        TaskStatus.FAILED,
        exitCode,
        durationMs,
        startCommit,
        commit,
        reason == null ? why : why + "; " + reason);
  }
}
