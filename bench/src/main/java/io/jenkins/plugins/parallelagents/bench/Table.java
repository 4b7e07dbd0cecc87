package io.jenkins.plugins.parallelagents.bench;

import java.util.ArrayList;
import java.util.List;

/** A titled table printed as Markdown, so that the output pastes into docs/performance.md. */
final class Table {

  private final String title;
  private final List<String> columns;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String title, List<String> columns) {
    this.title = title;
    this.columns = List.copyOf(columns);
  }

  String title() {
    return title;
  }

  List<String> columns() {
    return columns;
  }

  List<List<String>> rows() {
    return List.copyOf(rows);
  }

  Table row(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(
          "a row of '" + title + "' needs " + columns.size() + " cells, not " + cells.length);
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  String markdown() {
    StringBuilder out = new StringBuilder("### ").append(title).append("\n\n");
    out.append("| ").append(String.join(" | ", columns)).append(" |\n");
    out.append("|").append("---|".repeat(columns.size())).append('\n');
    for (List<String> row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return out.toString();
  }
}
