package io.jenkins.plugins.parallelagents.distributed;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task ready for its agent on a node: its worktree and branch, and the {@code AGENT_*} variables
 * the agent runs with.
 *
 * <p>A plain class of strings rather than a record: a host such as Jenkins keeps it in the state it
 * persists across restarts, whose serializers do not all support records.
 */
public final class PreparedTask implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String taskId;
  private final String worktree;
  private final String branch;
  private final String startCommit;
  private final String promptFile;
  private final LinkedHashMap<String, String> environment;
  private final long startedAtMs;
  private final String failure;

  /**
   * @param startCommit where the task's own work begins (base, foundation and needs merged)
   * @param environment the {@code AGENT_*} variables of the agent contract
   * @param startedAtMs when the task started (epoch milliseconds); its timeout counts from there
   * @param failure why the task cannot start (a need that does not merge, say), or {@code null}
   */
  public PreparedTask(
      String taskId,
      String worktree,
      String branch,
      String startCommit,
      String promptFile,
      Map<String, String> environment,
      long startedAtMs,
      String failure) {
    this.taskId = taskId;
    this.worktree = worktree;
    this.branch = branch;
    this.startCommit = startCommit;
    this.promptFile = promptFile;
    this.environment = new LinkedHashMap<>(environment);
    this.startedAtMs = startedAtMs;
    this.failure = failure;
  }

  public String taskId() {
    return taskId;
  }

  public String worktree() {
    return worktree;
  }

  public String branch() {
    return branch;
  }

  public String startCommit() {
    return startCommit;
  }

  public String promptFile() {
    return promptFile;
  }

  public Map<String, String> environment() {
    return Collections.unmodifiableMap(environment);
  }

  public long startedAtMs() {
    return startedAtMs;
  }

  public String failure() {
    return failure;
  }

  public boolean ready() {
    return failure == null;
  }
}
