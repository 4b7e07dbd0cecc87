package io.jenkins.plugins.parallelagents.report;

import java.util.Locale;

/**
 * The colour family a status is shown in, shared by the task graph and the HTML badges so that a
 * status looks the same everywhere. Every status enum of the report maps onto one tone by name.
 */
enum Tone {
  GOOD("#e6f4ea", "#1e8e3e", "#0d652d"),
  BAD("#fce8e6", "#d93025", "#a50e0e"),
  WARN("#fef3e0", "#e37400", "#8a4b00"),
  INFO("#e8eef5", "#5f7d95", "#34495e"),
  ACTIVE("#e8f0fe", "#1a73e8", "#174ea6"),
  MUTED("#f1f3f4", "#9aa0a6", "#5f6368");

  final String fill;
  final String stroke;
  final String ink;

  Tone(String fill, String stroke, String ink) {
    this.fill = fill;
    this.stroke = stroke;
    this.ink = ink;
  }

  /**
   * The tone for any report status ({@code TaskStatus}, {@code MergeStatus}, ...); null is muted.
   */
  static Tone of(Enum<?> status) {
    if (status == null) {
      return MUTED;
    }
    return switch (status.name()) {
      case "SUCCEEDED", "MERGED", "RESOLVED", "PASSED", "PUSHED", "UPDATED" -> GOOD;
      case "FAILED", "CONFLICT", "REJECTED", "INTERRUPTED" -> BAD;
      case "TIMED_OUT", "PARTIAL" -> WARN;
      case "NO_CHANGES" -> INFO;
      case "RUNNING" -> ACTIVE;
      default -> MUTED;
    };
  }

  /** The CSS class HTML badges use, e.g. {@code tone-good}. */
  String cssClass() {
    return "tone-" + name().toLowerCase(Locale.ROOT);
  }
}
