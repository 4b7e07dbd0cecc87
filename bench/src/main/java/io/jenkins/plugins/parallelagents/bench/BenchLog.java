package io.jenkins.plugins.parallelagents.bench;

import java.io.PrintStream;

/** Progress lines on stderr, so that stdout holds the tables alone. */
final class BenchLog {

  private final PrintStream err;
  private final long t0 = System.nanoTime();

  BenchLog(PrintStream err) {
    this.err = err;
  }

  void line(String format, Object... args) {
    long s = (System.nanoTime() - t0) / 1_000_000_000;
    err.printf("[%3d:%02d] %s%n", s / 60, s % 60, String.format(format, args));
  }
}
