package io.jenkins.plugins.parallelagents.process;

import java.time.Duration;

/**
 * How far a captured command (git's calls) may go. Its output is returned whole, so it is held in
 * memory: past {@code outputBytes} on one stream the command is stopped and fails, rather than the
 * engine running out of memory. A request without a timeout of its own gets {@code timeout}, so
 * that no git call on hostile input (a huge file, a pathological history) hangs a run for hours.
 *
 * @param outputBytes the most one stream of a captured command may print
 * @param timeout how long a captured command without a timeout of its own may run
 */
record CaptureLimits(long outputBytes, Duration timeout) {

  /** 256 MiB per stream and 30 minutes, as docs/agent-contract.md says. */
  static final CaptureLimits DEFAULT =
      new CaptureLimits(256L * 1024 * 1024, Duration.ofMinutes(30));

  CaptureLimits {
    if (outputBytes < 1 || outputBytes > Integer.MAX_VALUE - 8 || timeout.isNegative()) {
      throw new IllegalArgumentException("capture limits must be positive and fit an array");
    }
  }

  /** Says why a command whose output passed the limit failed. */
  String tooMuchOutput() {
    return "printed more than "
        + (outputBytes / 1024 / 1024)
        + " MiB, the most kept for a command"
        + " whose output the engine reads; it was stopped";
  }
}
