package io.jenkins.plugins.parallelagents.report;

import java.time.Instant;

/**
 * The run as a whole.
 *
 * @param reason the first reason the run failed, or {@code null}
 * @param directory the run directory, where logs and reports are
 * @param owner the process running the run, or {@code null} (a report of a Jenkins run, or of an
 *     older version)
 */
public record RunInfo(
    String id,
    String name,
    RunStatus status,
    String reason,
    BaseRef base,
    String target,
    Instant startedAt,
    Instant finishedAt,
    String directory,
    RunOwner owner) {

  /** A run whose report records no owner. */
  public RunInfo(
      String id,
      String name,
      RunStatus status,
      String reason,
      BaseRef base,
      String target,
      Instant startedAt,
      Instant finishedAt,
      String directory) {
    this(id, name, status, reason, base, target, startedAt, finishedAt, directory, null);
  }
}
