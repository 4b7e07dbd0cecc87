package io.jenkins.plugins.parallelagents.agent;

import io.jenkins.plugins.parallelagents.report.AttemptStep;
import io.jenkins.plugins.parallelagents.report.StepTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The clock of one attempt: when it started, and when each of its steps ran. A step runs until the
 * next one starts or the attempt ends, so the steps never overlap and their durations add up to no
 * more than the attempt's. Used by the one thread that runs the attempt.
 */
final class StepTimer {

  private final long startedAtMs;
  private final AttemptRunner.OutputSink sink;
  private final Map<String, StepTime> steps = new LinkedHashMap<>();
  private AttemptStep current;
  private long currentFromMs;

  /**
   * @param startedAtMs when the attempt started (epoch milliseconds)
   * @param sink hears of every step as it starts
   */
  StepTimer(long startedAtMs, AttemptRunner.OutputSink sink) {
    this.startedAtMs = startedAtMs;
    this.sink = sink;
  }

  /** Ends the running step, if any, and starts {@code step}. */
  void start(AttemptStep step) {
    long now = System.currentTimeMillis();
    endAt(now);
    current = step;
    currentFromMs = now;
    sink.stepStarted(step);
  }

  AttemptRunner.OutputSink sink() {
    return sink;
  }

  long startedAtMs() {
    return startedAtMs;
  }

  Instant startedAt() {
    return Instant.ofEpochMilli(startedAtMs);
  }

  /** Ends the running step; the attempt is over. Returns its length. */
  long stop() {
    long now = System.currentTimeMillis();
    endAt(now);
    return now - startedAtMs;
  }

  /** The steps so far, in the order they ran. */
  Map<String, StepTime> steps() {
    return new LinkedHashMap<>(steps);
  }

  private void endAt(long now) {
    if (current != null) {
      steps.put(current.key(), new StepTime(currentFromMs - startedAtMs, now - currentFromMs));
      current = null;
    }
  }
}
