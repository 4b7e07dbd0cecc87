package io.jenkins.plugins.parallelagents.agent;

import io.jenkins.plugins.parallelagents.plan.AgentProfile;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one attempt of a task runs with: its prepared worktree and branch, the agent, and
 * where its logs go.
 *
 * @param startCommit the commit the attempt's branch started at (base, foundation and needs merged)
 * @param ports the port of each variable of the plan's {@code environment.ports} this attempt
 *     holds; every step gets them as environment variables
 */
public record AttemptContext(
    Task task,
    AgentProfile agent,
    int attempt,
    Path worktree,
    String branch,
    String startCommit,
    String runId,
    RunDirectory runDirectory,
    Map<String, Integer> ports) {

  public AttemptContext {
    ports = ports == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ports));
  }

  /** An attempt that holds no ports. */
  public AttemptContext(
      Task task,
      AgentProfile agent,
      int attempt,
      Path worktree,
      String branch,
      String startCommit,
      String runId,
      RunDirectory runDirectory) {
    this(task, agent, attempt, worktree, branch, startCommit, runId, runDirectory, null);
  }

  public Path log(String step) {
    return runDirectory.stepLog(task.id(), attempt, task.attempts(), step);
  }
}
