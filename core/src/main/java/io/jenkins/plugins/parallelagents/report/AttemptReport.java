package io.jenkins.plugins.parallelagents.report;

/**
 * One attempt of a task (best-of-N runs several).
 *
 * @param exitCode exit code of the step that decided the attempt, or {@code null} if none ran
 * @param branch the attempt's own branch
 * @param commit the attempt's resulting commit, or {@code null}
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
    int diffLines,
    String reason) {}
