package io.jenkins.plugins.parallelagents.agent;

import io.jenkins.plugins.parallelagents.plan.AgentProfile;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import java.nio.file.Path;

/**
 * Everything one attempt of a task runs with: its prepared worktree and branch, the agent, and
 * where its logs go.
 *
 * @param startCommit the commit the attempt's branch started at (base, foundation and needs merged)
 */
public record AttemptContext(
    Task task,
    AgentProfile agent,
    int attempt,
    Path worktree,
    String branch,
    String startCommit,
    String runId,
    RunDirectory runDirectory) {

  public Path log(String step) {
    return runDirectory.stepLog(task.id(), attempt, task.attempts(), step);
  }
}
