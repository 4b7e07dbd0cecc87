package io.jenkins.plugins.parallelagents.distributed;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task ready for its agent on a node: its worktree and branch, and the {@code AGENT_*} variables
 * the agent runs with. Plain strings, so that a host can carry it between processes.
 *
 * @param startCommit where the task's own work begins (base, foundation and needs merged)
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
    String failure)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public PreparedTask {
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
  }

  public boolean ready() {
    return failure == null;
  }
}
