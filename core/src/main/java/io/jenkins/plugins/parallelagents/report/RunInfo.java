package io.jenkins.plugins.parallelagents.report;

import java.time.Instant;

/**
 * The run as a whole.
 *
 * @param reason the first reason the run failed, or {@code null}
 * @param directory the run directory, where logs and reports are
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
    String directory) {}
