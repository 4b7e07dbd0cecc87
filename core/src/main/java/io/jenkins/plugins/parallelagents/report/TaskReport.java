package io.jenkins.plugins.parallelagents.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jenkins.plugins.parallelagents.usage.Spend;
import java.time.Instant;
import java.util.List;

/**
 * A task's entry in {@code report.json}.
 *
 * @param database the URL of the task's own database, password masked, or {@code null}
 */
public record TaskReport(
    String id,
    String title,
    boolean foundation,
    List<String> needs,
    TaskStatus status,
    String branch,
    String commit,
    List<AttemptReport> attempts,
    Integer chosenAttempt,
    List<String> changedFiles,
    int insertions,
    int deletions,
    List<String> outsideDeclaredPaths,
    Instant startedAt,
    Instant finishedAt,
    long durationMs,
    String reason,
    String database) {

  public TaskReport {
    needs = List.copyOf(needs);
    attempts = List.copyOf(attempts);
    changedFiles = List.copyOf(changedFiles);
    outsideDeclaredPaths = List.copyOf(outsideDeclaredPaths);
  }

  /**
   * The tokens and cost of all the task's attempts, added up; written to {@code report.json} as
   * {@code usage}, made from the attempts when read back.
   */
  @JsonProperty(value = "usage", access = JsonProperty.Access.READ_ONLY)
  public Spend usage() {
    return Spend.sum(attempts.stream().map(AttemptReport::spend).toList());
  }

  /** A task without a database of its own. */
  public TaskReport(
      String id,
      String title,
      boolean foundation,
      List<String> needs,
      TaskStatus status,
      String branch,
      String commit,
      List<AttemptReport> attempts,
      Integer chosenAttempt,
      List<String> changedFiles,
      int insertions,
      int deletions,
      List<String> outsideDeclaredPaths,
      Instant startedAt,
      Instant finishedAt,
      long durationMs,
      String reason) {
    this(
        id,
        title,
        foundation,
        needs,
        status,
        branch,
        commit,
        attempts,
        chosenAttempt,
        changedFiles,
        insertions,
        deletions,
        outsideDeclaredPaths,
        startedAt,
        finishedAt,
        durationMs,
        reason,
        null);
  }

  /** This task, with the URL of its own database (password masked). */
  public TaskReport withDatabase(String database) {
    return new TaskReport(
        id,
        title,
        foundation,
        needs,
        status,
        branch,
        commit,
        attempts,
        chosenAttempt,
        changedFiles,
        insertions,
        deletions,
        outsideDeclaredPaths,
        startedAt,
        finishedAt,
        durationMs,
        reason,
        database);
  }

  /** A task that has not started yet. */
  public static TaskReport pending(
      String id, String title, boolean foundation, List<String> needs) {
    return unstarted(id, title, foundation, needs, TaskStatus.PENDING, null);
  }

  /** This task, ended without running: skipped or cancelled before it started. */
  public TaskReport notRun(TaskStatus status, String reason) {
    return unstarted(id, title, foundation, needs, status, reason);
  }

  private static TaskReport unstarted(
      String id,
      String title,
      boolean foundation,
      List<String> needs,
      TaskStatus status,
      String reason) {
    return new TaskReport(
        id,
        title,
        foundation,
        needs,
        status,
        null,
        null,
        List.of(),
        null,
        List.of(),
        0,
        0,
        List.of(),
        null,
        null,
        0,
        reason);
  }

  /** This task, started on {@code branch}. */
  public TaskReport running(String branch, Instant startedAt) {
    return new TaskReport(
        id,
        title,
        foundation,
        needs,
        TaskStatus.RUNNING,
        branch,
        null,
        List.of(),
        null,
        List.of(),
        0,
        0,
        List.of(),
        startedAt,
        null,
        0,
        null,
        database);
  }

  /**
   * This task with its branch at {@code commit}: someone changed the branch after the run (a fix by
   * hand), and the merge takes the branch as it is now.
   */
  public TaskReport onBranchAt(String commit, String reason) {
    return new TaskReport(
        id,
        title,
        foundation,
        needs,
        TaskStatus.SUCCEEDED,
        branch,
        commit,
        attempts,
        chosenAttempt,
        changedFiles,
        insertions,
        deletions,
        outsideDeclaredPaths,
        startedAt,
        finishedAt,
        durationMs,
        reason,
        database);
  }

  /** This task, failed for {@code reason}, keeping what it had recorded so far. */
  public TaskReport failed(String reason, Instant finishedAt) {
    long duration = startedAt == null ? 0 : finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    return new TaskReport(
        id,
        title,
        foundation,
        needs,
        TaskStatus.FAILED,
        branch,
        commit,
        attempts,
        null,
        changedFiles,
        insertions,
        deletions,
        outsideDeclaredPaths,
        startedAt,
        finishedAt,
        duration,
        reason,
        database);
  }
}
