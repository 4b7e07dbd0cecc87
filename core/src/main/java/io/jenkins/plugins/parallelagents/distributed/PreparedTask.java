package io.jenkins.plugins.parallelagents.distributed;

import java.util.Map;

/**
 * A task ready for its agent on a node: its worktree and branch, and the {@code AGENT_*} variables
 * the agent runs with. A host that keeps it between calls (across processes, or a restart) keeps it
 * as JSON, through {@link io.jenkins.plugins.parallelagents.report.ReportJson#newMapper()}.
 *
 * @param startCommit where the task's own work begins (base, foundation and needs merged), or
 *     {@code null} when it could not be prepared
 * @param environment the {@code AGENT_*} variables of the agent contract
 * @param startedAtMs when the task started (epoch milliseconds); its timeout counts from there
 * @param failure why the task cannot start (a need that does not merge, say), or {@code null}
 */
public record PreparedTask(
    String taskId,
    String worktree,
    String branch,
    String startCommit,
    String promptFile,
    Map<String, String> environment,
    long startedAtMs,
    String failure) {

  public PreparedTask {
    environment = Map.copyOf(environment);
  }

  public boolean ready() {
    return failure == null;
  }
}
