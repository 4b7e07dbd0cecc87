package io.jenkins.plugins.parallelagents.agent;

import io.jenkins.plugins.parallelagents.excerpt.FailureExcerpts;
import io.jenkins.plugins.parallelagents.report.AttemptReport;
import io.jenkins.plugins.parallelagents.report.AttemptStep;
import io.jenkins.plugins.parallelagents.report.StepTime;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How one attempt ended.
 *
 * @param exitCode exit code of the step that decided the outcome, or {@code null} if none ran
 * @param startCommit where the attempt's own work begins (base, foundation and needs merged), or
 *     {@code null} if the attempt never got that far
 * @param commit the attempt branch's commit after the agent's work was committed
 * @param reason why it did not succeed, or {@code null}
 * @param startedAt when the attempt's steps began, or {@code null} when it never got that far
 * @param steps when each step ran, by {@link AttemptStep#key()}, in the order they ran
 * @param setupChanged paths the task's setup changed that were left out of the agent's commit
 */
public record AttemptResult(
    int attempt,
    TaskStatus status,
    Integer exitCode,
    long durationMs,
    String startCommit,
    String commit,
    String reason,
    Instant startedAt,
    Map<String, StepTime> steps,
    List<String> setupChanged) {

  public AttemptResult {
    steps = Collections.unmodifiableMap(steps == null ? Map.of() : new LinkedHashMap<>(steps));
    setupChanged = setupChanged == null ? List.of() : List.copyOf(setupChanged);
  }

  /** An attempt that ended before any of its steps ran. */
  public AttemptResult(
      int attempt,
      TaskStatus status,
      Integer exitCode,
      long durationMs,
      String startCommit,
      String commit,
      String reason) {
    this(attempt, status, exitCode, durationMs, startCommit, commit, reason, null, null, null);
  }

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
        reason == null ? why : why + "; " + reason,
        startedAt,
        steps,
        setupChanged);
  }

  /**
   * The same attempt with one more step, which ran from {@code fromMs} to {@code toMs} (epoch
   * milliseconds); the attempt's duration grows to cover it. An attempt that never started its
   * steps is returned as it is.
   */
  public AttemptResult withStep(AttemptStep step, long fromMs, long toMs) {
    if (startedAt == null) {
      return this;
    }
    long start = startedAt.toEpochMilli();
    Map<String, StepTime> more = new LinkedHashMap<>(steps);
    more.put(step.key(), new StepTime(fromMs - start, toMs - fromMs));
    return new AttemptResult(
        attempt,
        status,
        exitCode,
        Math.max(durationMs, toMs - start),
        startCommit,
        commit,
        reason,
        startedAt,
        more,
        setupChanged);
  }

  /** The same attempt, which left {@code paths} that setup changed out of its commit. */
  public AttemptResult withSetupChanged(List<String> paths) {
    return new AttemptResult(
        attempt,
        status,
        exitCode,
        durationMs,
        startCommit,
        commit,
        reason,
        startedAt,
        steps,
        paths);
  }

  /**
   * The attempt as {@code report.json} shows it.
   *
   * @param branch the attempt's own branch
   * @param commits the attempt's own commits, as the engine took them from the task's repository
   * @param diffLines insertions plus deletions
   * @param stepLog the log file of each of the attempt's steps, by step name
   */
  public AttemptReport toReport(
      String branch, List<String> commits, int diffLines, Function<String, Path> stepLog) {
    return new AttemptReport(
        attempt(),
        status(),
        exitCode(),
        durationMs(),
        branch,
        commit(),
        commits,
        diffLines,
        reason(),
        startedAt(),
        steps(),
        setupChanged(),
        FailureExcerpts.ofAttempt(status(), exitCode(), steps(), stepLog));
  }
}
