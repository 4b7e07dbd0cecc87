package io.jenkins.plugins.parallelagents.report;

/**
 * When one step of an attempt ran, relative to the attempt's start, so that a report can place it
 * on the run's time line.
 *
 * @param offsetMs milliseconds from the attempt's start to the step's start
 * @param durationMs how long the step took
 */
public record StepTime(long offsetMs, long durationMs) {

  /** Milliseconds from the attempt's start to the step's end. */
  public long endMs() {
    return offsetMs + durationMs;
  }
}
