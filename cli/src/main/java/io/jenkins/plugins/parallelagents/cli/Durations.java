package io.jenkins.plugins.parallelagents.cli;

/** Durations as people read them in a progress line: {@code 6.1s}, {@code 2m03s}, {@code 1h02m}. */
final class Durations {

  private Durations() {}

  static String format(long millis) {
    long ms = Math.max(0, millis);
    if (ms < 60_000) {
      return String.format("%d.%ds", ms / 1000, (ms % 1000) / 100);
    }
    long seconds = ms / 1000;
    if (seconds < 3600) {
      return String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format("%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
  }
}
