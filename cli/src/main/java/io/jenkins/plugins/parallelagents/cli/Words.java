package io.jenkins.plugins.parallelagents.cli;

import java.util.List;
import java.util.stream.Collectors;

/** Small helpers for sentences and columns the commands print. */
final class Words {

  private Words() {}

  /** {@code 1 task}, {@code 4 tasks}. */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** {@code 'a', 'b'}. */
  static String quoted(List<String> words) {
    return words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", "));
  }

  /** {@code text} followed by spaces up to {@code width}. */
  static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  /** A commit id short enough to read and long enough to paste into git. */
  static String shortCommit(String commit) {
    return commit == null || commit.length() <= 12 ? commit : commit.substring(0, 12);
  }

  /** Rows with every column but the last padded to its widest cell, two spaces apart. */
  static List<String> columns(List<List<String>> rows) {
    int[] widths = new int[rows.stream().mapToInt(List::size).max().orElse(0)];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    return rows.stream()
        .map(
            row -> {
              StringBuilder line = new StringBuilder();
              for (int i = 0; i < row.size(); i++) {
                line.append(i < row.size() - 1 ? pad(row.get(i), widths[i] + 2) : row.get(i));
              }
              return line.toString().stripTrailing();
            })
        .toList();
  }
}
