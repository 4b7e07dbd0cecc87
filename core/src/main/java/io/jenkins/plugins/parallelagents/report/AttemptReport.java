package io.jenkins.plugins.parallelagents.report;

import java.util.List;

/**
 * One attempt of a task (best-of-N runs several).
 *
 * @param exitCode exit code of the step that decided the attempt, or {@code null} if none ran
 * @param branch the attempt's own branch
 * @param commit the attempt's resulting commit, or {@code null}
 * @param commits the attempt's own commits, oldest first, as the engine took them from the task's
 *     repository: this list, not a commit message's trailers (which an agent can write), says which
 *     commits are the task's
 * @param diffLines insertions plus deletions, used to rank passing attempts
 * @param reason why it did not succeed, or {@code null}
 */
public record AttemptReport(
    int n,
    TaskStatus status,
    Integer exitCode,
    long durationMs,
    String branch,
    String commit,
    List<String> commits,
    int diffLines,
    String reason) {

  public AttemptReport {
    commits = commits == null ? List.of() : List.copyOf(commits);
  }
}
