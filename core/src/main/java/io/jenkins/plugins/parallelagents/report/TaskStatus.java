package io.jenkins.plugins.parallelagents.report;

/**
 * Where a task (or one attempt of it) stands. PENDING and RUNNING appear only while a run goes on.
 */
public enum TaskStatus {
  PENDING,
  RUNNING,
  SUCCEEDED,
  NO_CHANGES,
  FAILED,
  TIMED_OUT,
  SKIPPED,
  CANCELLED;

  /** Whether the task's dependants may start: it finished and left a usable branch. */
  public boolean isDone() {
    return this == SUCCEEDED || this == NO_CHANGES;
  }

  public boolean isFinal() {
    return this != PENDING && this != RUNNING;
  }
}
