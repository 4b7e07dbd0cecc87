package io.jenkins.plugins.parallelagents.report;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The small pieces the HTML report is built from. Every piece of report text goes through {@link
 * Escape#html}; links point only at files the run directory holds.
 */
final class HtmlParts {

  private final Predicate<String> linkable;

  /** {@code linkable} says whether a path relative to the run directory is worth a link. */
  HtmlParts(Predicate<String> linkable) {
    this.linkable = linkable;
  }

  static String esc(String text) {
    return Escape.html(text);
  }

  /** A coloured status pill; empty when there is no status yet. */
  static String badge(Enum<?> status) {
    if (status == null) {
      return "";
    }
    return "<span class=\"badge "
        + Tone.of(status).cssClass()
        + "\">"
        + esc(status.name().replace('_', ' '))
        + "</span>";
  }

  static String code(String text) {
    return text == null ? "" : "<code>" + esc(text) + "</code>";
  }

  static String codes(List<String> values, String separator) {
    return values.stream().map(HtmlParts::code).collect(Collectors.joining(separator));
  }

  /** A link to {@code path} (relative to the run directory), or nothing if the file is absent. */
  String link(String path, String label) {
    if (!linkable.test(path)) {
      return "";
    }
    return "<a href=\"" + esc(path) + "\">" + esc(label) + "</a>";
  }

  boolean exists(String path) {
    return linkable.test(path);
  }
}
