package io.jenkins.plugins.parallelagents.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Places the tasks of a report on a grid, left to right by dependency depth: a task's column is one
 * past its deepest need, and every ordinary task sits right of all foundation tasks, because that
 * is when it runs. Within a column, tasks are ordered by the rows of their needs so that arrows
 * cross less.
 */
final class GraphLayout {

  /** Where one task goes: its column (depth) and its row within the column. */
  record Cell(int column, int row) {}

  private final Map<String, Cell> cells;
  private final int columns;
  private final int rows;

  private GraphLayout(Map<String, Cell> cells, int columns, int rows) {
    this.cells = cells;
    this.columns = columns;
    this.rows = rows;
  }

  static GraphLayout of(List<TaskReport> tasks) {
    Map<String, TaskReport> byId = new LinkedHashMap<>();
    tasks.forEach(t -> byId.put(t.id(), t));
    // Foundation tasks need only foundation tasks, so their depth alone sets the first free column.
    Map<String, Integer> foundationColumns = new HashMap<>();
    int firstFree = 0;
    for (TaskReport task : tasks) {
      if (task.foundation()) {
        int column = column(task, byId, t -> 0, foundationColumns, new HashSet<>());
        firstFree = Math.max(firstFree, column + 1);
      }
    }
    int ordinaryStart = firstFree;
    Map<String, Integer> columnOf = new HashMap<>();
    List<List<String>> columnsOfIds = new ArrayList<>();
    for (TaskReport task : tasks) {
      int column =
          column(task, byId, t -> t.foundation() ? 0 : ordinaryStart, columnOf, new HashSet<>());
      while (columnsOfIds.size() <= column) {
        columnsOfIds.add(new ArrayList<>());
      }
      columnsOfIds.get(column).add(task.id());
    }
    Map<String, Cell> cells = new HashMap<>();
    int rows = 0;
    for (int c = 0; c < columnsOfIds.size(); c++) {
      List<String> column = new ArrayList<>(columnsOfIds.get(c));
      // Stable sort: plan order among tasks whose needs sit at the same height.
      column.sort(Comparator.comparingDouble(id -> meanNeedRow(byId.get(id), cells)));
      for (int r = 0; r < column.size(); r++) {
        cells.put(column.get(r), new Cell(c, r));
      }
      rows = Math.max(rows, column.size());
    }
    return new GraphLayout(Map.copyOf(cells), columnsOfIds.size(), rows);
  }

  /**
   * One past the deepest need, and at least {@code base}. A need outside the report is ignored; a
   * cycle (never in a valid plan) is cut rather than followed forever.
   */
  private static int column(
      TaskReport task,
      Map<String, TaskReport> byId,
      ToIntFunction<TaskReport> base,
      Map<String, Integer> memo,
      Set<String> path) {
    Integer known = memo.get(task.id());
    if (known != null) {
      return known;
    }
    if (!path.add(task.id())) {
      return base.applyAsInt(task);
    }
    int column = base.applyAsInt(task);
    for (String need : task.needs()) {
      TaskReport needed = byId.get(need);
      if (needed != null) {
        column = Math.max(column, column(needed, byId, base, memo, path) + 1);
      }
    }
    path.remove(task.id());
    memo.put(task.id(), column);
    return column;
  }

  private static double meanNeedRow(TaskReport task, Map<String, Cell> placed) {
    return task.needs().stream()
        .map(placed::get)
        .filter(Objects::nonNull)
        .mapToInt(Cell::row)
        .average()
        .orElse(0);
  }

  Cell cell(String taskId) {
    return cells.get(taskId);
  }

  int columns() {
    return columns;
  }

  int rows() {
    return rows;
  }

  /** How many tasks share {@code column}, to centre short columns against the tallest. */
  int rowsIn(int column) {
    return (int) cells.values().stream().filter(c -> c.column() == column).count();
  }
}
