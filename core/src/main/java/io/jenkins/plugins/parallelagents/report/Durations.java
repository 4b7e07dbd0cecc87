package io.jenkins.plugins.parallelagents.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the human-readable reports show times: short, and the same in every format. */
final class Durations {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Durations() {}

  /** {@code 850 ms}, {@code 12.3 s}, {@code 4m 05s}, {@code 1h 02m}. */
  static String format(long ms) {
    if (ms < 1_000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    long seconds = ms / 1000;
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
  }

  /** Seconds with millisecond precision, as JUnit XML's {@code time} attribute wants them. */
  static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
  }

  /** An instant in UTC, or an empty string when the moment has not come yet. */
  static String instant(Instant instant) {
    return instant == null ? "" : UTC.format(instant);
  }

  /** The abbreviated commit id people recognise from {@code git log --oneline}. */
  static String shortCommit(String commit) {
    return commit == null || commit.length() <= 10 ? commit : commit.substring(0, 10);
  }
}
