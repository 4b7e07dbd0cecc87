package io.jenkins.plugins.parallelagents.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The task graph as a standalone SVG element: a box per task coloured by status, an arrow per need,
 * foundation tasks marked by a dark bar. Colours are presentation attributes rather than CSS, so
 * the same markup looks right inside {@code report.html} and embedded in a host's own page.
 */
public final class GraphSvg {

  private static final int NODE_W = 188;
  private static final int NODE_H = 60;
  private static final int GAP_X = 64;
  private static final int GAP_Y = 18;
  private static final int PAD = 12;
  private static final String EDGE_COLOUR = "#80868b";
  private static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

  private record Point(int x, int y) {}

  /** The few kinds of text a box holds. */
  private enum Style {
    PLAIN,
    BOLD,
    /** Small capitals at the box's top right corner. */
    TAG
  }

  /** An {@code <svg>} element laying out {@code tasks} left to right by dependency depth. */
  public String render(List<TaskReport> tasks) {
    GraphLayout layout = GraphLayout.of(tasks);
    int width = 2 * PAD + layout.columns() * NODE_W + Math.max(0, layout.columns() - 1) * GAP_X;
    int height = 2 * PAD + layout.rows() * NODE_H + Math.max(0, layout.rows() - 1) * GAP_Y;
    Map<String, Point> at = new HashMap<>();
    for (TaskReport task : tasks) {
      at.put(task.id(), position(layout, task.id()));
    }
    StringBuilder svg = open("task-graph", width, height, "Task graph");
    svg.append("<defs><marker id=\"pa-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\"")
        .append(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
        .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
        .append(EDGE_COLOUR)
        .append("\"/></marker></defs>\n");
    // Edges first, so boxes are drawn over any arrow that passes behind them.
    for (TaskReport task : tasks) {
      for (String need : task.needs()) {
        if (at.containsKey(need)) {
          edge(svg, need, at.get(need), task.id(), at.get(task.id()));
        }
      }
    }
    for (TaskReport task : tasks) {
      node(svg, task, at.get(task.id()));
    }
    return svg.append("</svg>").toString();
  }

  private static Point position(GraphLayout layout, String id) {
    GraphLayout.Cell cell = layout.cell(id);
    // Centre shorter columns against the tallest one.
    int offset = (layout.rows() - layout.rowsIn(cell.column())) * (NODE_H + GAP_Y) / 2;
    return new Point(
        PAD + cell.column() * (NODE_W + GAP_X), PAD + offset + cell.row() * (NODE_H + GAP_Y));
  }

  private static void edge(StringBuilder svg, String from, Point a, String to, Point b) {
    int x1 = a.x() + NODE_W;
    int y1 = a.y() + NODE_H / 2;
    int x2 = b.x() - 2;
    int y2 = b.y() + NODE_H / 2;
    int bend = GAP_X / 2;
    svg.append("<path class=\"edge\" data-from=\"")
        .append(Escape.html(from))
        .append("\" data-to=\"")
        .append(Escape.html(to))
        .append("\" d=\"M")
        .append(x1)
        .append(',')
        .append(y1)
        .append(" C")
        .append(x1 + bend)
        .append(',')
        .append(y1)
        .append(' ')
        .append(x2 - bend)
        .append(',')
        .append(y2)
        .append(' ')
        .append(x2)
        .append(',')
        .append(y2)
        .append("\" fill=\"none\" stroke=\"")
        .append(EDGE_COLOUR)
        .append("\" stroke-width=\"1.5\" marker-end=\"url(#pa-arrow)\"/>\n");
  }

  private static void node(StringBuilder svg, TaskReport task, Point p) {
    Tone tone = Tone.of(task.status());
    String status = task.status().name();
    String line3 = status;
    if (task.durationMs() > 0) {
      line3 += " · " + Durations.format(task.durationMs());
    }
    if (task.attempts().size() > 1) {
      line3 += " · ×" + task.attempts().size();
    }
    svg.append("<g class=\"node\" data-task=\"").append(Escape.html(task.id())).append("\">");
    svg.append("<title>")
        .append(Escape.html(tooltip(task)))
        .append("</title>")
        .append(rect(p.x(), p.y(), NODE_W, NODE_H, 8))
        .append(" fill=\"")
        .append(tone.fill)
        .append("\" stroke=\"")
        .append(tone.stroke)
        .append("\" stroke-width=\"1.5\"");
    if (task.status() == TaskStatus.SKIPPED || task.status() == TaskStatus.PENDING) {
      svg.append(" stroke-dasharray=\"5 3\"");
    }
    svg.append("/>");
    int textX = p.x() + 14;
    if (task.foundation()) {
      svg.append(rect(p.x() + 4, p.y() + 8, 4, NODE_H - 16, 2)).append(" fill=\"#3c4043\"/>");
      text(svg, p.x() + NODE_W - 8, p.y() + 15, 9, "#5f6368", Style.TAG, "FOUNDATION");
    }
    text(
        svg,
        textX,
        p.y() + 20,
        13,
        "#202124",
        Style.BOLD,
        fit(task.id(), task.foundation() ? 14 : 21));
    text(svg, textX, p.y() + 37, 11, "#5f6368", Style.PLAIN, fit(task.title(), 27));
    text(svg, textX, p.y() + 52, 11, tone.ink, Style.BOLD, fit(line3, 27));
    svg.append("</g>\n");
  }

  private static String rect(int x, int y, int w, int h, int radius) {
    return "<rect x=\""
        + x
        + "\" y=\""
        + y
        + "\" width=\""
        + w
        + "\" height=\""
        + h
        + "\" rx=\""
        + radius
        + "\"";
  }

  private static void text(
      StringBuilder svg, int x, int y, int size, String colour, Style style, String content) {
    svg.append("<text x=\"")
        .append(x)
        .append("\" y=\"")
        .append(y)
        .append("\" font-size=\"")
        .append(size)
        .append("\" fill=\"")
        .append(colour)
        .append('"');
    switch (style) {
      case TAG -> svg.append(" text-anchor=\"end\" letter-spacing=\"0.5\"");
      case BOLD -> svg.append(" font-weight=\"600\"");
      case PLAIN -> {}
    }
    svg.append('>').append(Escape.html(content)).append("</text>");
  }

  /** The full text, which boxes may have cut short, shown when the pointer rests on a box. */
  private static String tooltip(TaskReport task) {
    StringBuilder tip = new StringBuilder(task.id());
    if (task.title() != null && !task.title().isBlank()) {
      tip.append(" — ").append(task.title());
    }
    tip.append('\n').append(task.status());
    if (task.foundation()) {
      tip.append(" (foundation)");
    }
    if (task.reason() != null) {
      tip.append('\n').append(task.reason());
    }
    return tip.toString();
  }

  /** Cuts text to what fits in a box; SVG text does not wrap or clip by itself. */
  private static String fit(String text, int maxChars) {
    if (text == null) {
      return "";
    }
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= maxChars ? oneLine : oneLine.substring(0, maxChars - 1) + "…";
  }

  /**
   * A new SVG document of the report's look, up to its title: the task graph's and the timeline's.
   */
  static StringBuilder open(String cssClass, int width, int height, String title) {
    return new StringBuilder()
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"")
        .append(cssClass)
        .append("\" role=\"img\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" font-family=\"")
        .append(FONT)
        .append("\">\n<title>")
        .append(title)
        .append("</title>\n");
  }
}
