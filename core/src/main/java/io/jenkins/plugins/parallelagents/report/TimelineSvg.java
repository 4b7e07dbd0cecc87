package io.jenkins.plugins.parallelagents.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The run as a time line, a standalone SVG element: one row per task (one per attempt when a task
 * ran several) on the run's time axis, the task's whole time as a pale bar and each step of its
 * attempt in a colour of its own over it, the tasks on the critical path outlined. Like {@link
 * GraphSvg}, colours are presentation attributes, so the markup looks the same in {@code
 * report.html} and embedded in a host's page.
 */
public final class TimelineSvg {

  private static final int PAD = 12;
  private static final int LABEL_W = 170;
  private static final int CHART_W = 720;
  private static final int LEGEND_H = 22;
  private static final int AXIS_H = 20;
  private static final int ROW_H = 24;
  private static final int BAR_H = 14;
  private static final int MAX_TICKS = 8;
  private static final long[] TICK_STEPS_MS = {
    100,
    200,
    500,
    1_000,
    2_000,
    5_000,
    10_000,
    15_000,
    30_000,
    60_000,
    120_000,
    300_000,
    600_000,
    900_000,
    1_800_000,
    3_600_000,
    7_200_000,
    10_800_000,
    21_600_000
  };
  private static final String INK = "#202124";
  private static final String MUTED = "#5f6368";
  private static final String GRID = "#e0e3e7";
  private static final String SPAN_FILL = "#e8eaed";
  private static final String SPAN_STROKE = "#bdc1c6";
  private static final String CRITICAL = "#d93025";
  private static final Map<AttemptStep, String> COLOURS = new EnumMap<>(AttemptStep.class);

  static {
    COLOURS.put(AttemptStep.SETUP, "#f9ab00");
    COLOURS.put(AttemptStep.AGENT, "#1a73e8");
    COLOURS.put(AttemptStep.COMMIT, "#9334e6");
    COLOURS.put(AttemptStep.VERIFY, "#1e8e3e");
    COLOURS.put(AttemptStep.COLLECT, "#12b5cb");
  }

  /** A row of the chart: a task, or one attempt of a task that ran several. */
  private record Row(TaskReport task, AttemptReport attempt, String label, boolean critical) {}

  /** Maps instants onto the chart's width. */
  private record Axis(long originMs, long lengthMs) {
    double x(long epochMs) {
      return PAD + LABEL_W + (double) (epochMs - originMs) * CHART_W / lengthMs;
    }

    double width(long ms) {
      return Math.max(1.0, (double) ms * CHART_W / lengthMs);
    }
  }

  /**
   * An {@code <svg>} element with the report's tasks on the run's time axis, or an empty string
   * when no task has started.
   */
  public String render(RunReport report) {
    List<TaskReport> tasks = report.tasks();
    Axis axis = axis(report.run(), tasks);
    if (axis == null) {
      return "";
    }
    List<Row> rows = rows(tasks, CriticalChain.of(tasks));
    int top = PAD + LEGEND_H + AXIS_H;
    int width = 2 * PAD + LABEL_W + CHART_W;
    int height = top + rows.size() * ROW_H + PAD;
    StringBuilder svg = GraphSvg.open("timeline", width, height, "Timeline");
    legend(svg);
    ticks(svg, axis, top, height - PAD);
    for (int i = 0; i < rows.size(); i++) {
      row(svg, axis, rows.get(i), top + i * ROW_H);
    }
    return svg.append("</svg>").toString();
  }

  /** From the run's start to the last moment the report knows of; null when nothing started. */
  private static Axis axis(RunInfo run, List<TaskReport> tasks) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (TaskReport task : tasks) {
      if (task.startedAt() == null) {
        continue;
      }
      first = Math.min(first, task.startedAt().toEpochMilli());
      last = Math.max(last, taskEnd(task));
      for (AttemptReport attempt : task.attempts()) {
        if (attempt.startedAt() != null) {
          last = Math.max(last, attempt.startedAt().toEpochMilli() + attempt.durationMs());
        }
      }
    }
    if (first == Long.MAX_VALUE) {
      return null;
    }
    if (run != null && run.startedAt() != null) {
      first = Math.min(first, run.startedAt().toEpochMilli());
    }
    if (run != null && run.finishedAt() != null) {
      last = Math.max(last, run.finishedAt().toEpochMilli());
    }
    return new Axis(first, Math.max(1, last - first));
  }

  private static long taskEnd(TaskReport task) {
    Instant finished = task.finishedAt();
    return finished != null
        ? finished.toEpochMilli()
        : task.startedAt().toEpochMilli() + task.durationMs();
  }

  private static List<Row> rows(List<TaskReport> tasks, Set<String> critical) {
    List<Row> rows = new ArrayList<>();
    for (TaskReport task : tasks) {
      boolean onPath = critical.contains(task.id());
      if (task.attempts().size() <= 1) {
        AttemptReport only = task.attempts().isEmpty() ? null : task.attempts().get(0);
        rows.add(new Row(task, only, task.id(), onPath));
      } else {
        for (AttemptReport attempt : task.attempts()) {
          rows.add(new Row(task, attempt, task.id() + " #" + attempt.n(), onPath));
        }
      }
    }
    return rows;
  }

  private static void legend(StringBuilder svg) {
    double x = PAD;
    int y = PAD;
    svg.append("<g class=\"legend\">");
    x = legendItem(svg, x, y, "task", SPAN_FILL, SPAN_STROKE, "task (repository, prompt, diff)");
    for (AttemptStep step : AttemptStep.values()) {
      x = legendItem(svg, x, y, step.key(), COLOURS.get(step), COLOURS.get(step), step.key());
    }
    legendItem(svg, x, y, "critical", "#ffffff", CRITICAL, "critical path");
    svg.append("</g>\n");
  }

  private static double legendItem(
      StringBuilder svg, double x, int y, String key, String fill, String stroke, String label) {
    svg.append("<g class=\"legend-item\" data-step=\"").append(Escape.html(key)).append("\">");
    svg.append(rect(x, y, 12, 12)).append(paint(fill, stroke, 1.5)).append("/>");
    text(svg, x + 17, y + 10, 11, MUTED, false, label);
    svg.append("</g>");
    return x + 17 + label.length() * 6.2 + 16;
  }

  private static void ticks(StringBuilder svg, Axis axis, int top, int bottom) {
    // Past the longest listed step (a report spanning days, or one edited by hand), the ticks
    // still number at most MAX_TICKS.
    long step = Math.max(1, (axis.lengthMs() + MAX_TICKS - 1) / MAX_TICKS);
    for (long candidate : TICK_STEPS_MS) {
      if (axis.lengthMs() / candidate <= MAX_TICKS) {
        step = candidate;
        break;
      }
    }
    svg.append("<g class=\"axis\">");
    for (long t = 0; t <= axis.lengthMs(); t += step) {
      double x = axis.x(axis.originMs() + t);
      svg.append("<line x1=\"")
          .append(num(x))
          .append("\" y1=\"")
          .append(top - 4)
          .append("\" x2=\"")
          .append(num(x))
          .append("\" y2=\"")
          .append(bottom)
          .append("\" stroke=\"")
          .append(GRID)
          .append("\"/>");
      text(svg, x + 3, top - 7, 10, MUTED, false, t == 0 ? "0" : Durations.format(t));
    }
    svg.append("</g>\n");
  }

  private static void row(StringBuilder svg, Axis axis, Row row, int y) {
    TaskReport task = row.task();
    svg.append("<g class=\"timeline-row\" data-task=\"").append(Escape.html(task.id())).append('"');
    if (row.attempt() != null) {
      svg.append(" data-attempt=\"").append(row.attempt().n()).append('"');
    }
    svg.append(" data-critical=\"").append(row.critical()).append("\">");
    svg.append("<title>").append(Escape.html(tooltip(row))).append("</title>");
    text(
        svg,
        PAD,
        y + ROW_H / 2.0 + 4,
        12,
        row.critical() ? CRITICAL : INK,
        row.critical(),
        fit(row.label(), 24));
    int barY = y + (ROW_H - BAR_H) / 2;
    if (task.startedAt() != null) {
      long from = task.startedAt().toEpochMilli();
      long to = taskEnd(task);
      AttemptReport attempt = row.attempt();
      if (task.attempts().size() > 1 && attempt.startedAt() != null) {
        from = attempt.startedAt().toEpochMilli();
        to = from + attempt.durationMs();
      }
      svg.append("<rect class=\"span\"")
          .append(position(axis.x(from), barY, axis.width(to - from), BAR_H))
          .append(row.critical() ? paint(SPAN_FILL, CRITICAL, 2) : paint(SPAN_FILL, SPAN_STROKE, 1))
          .append("/>");
    }
    if (row.attempt() != null && row.attempt().startedAt() != null) {
      steps(svg, axis, row.attempt(), barY);
    }
    svg.append("</g>\n");
  }

  private static void steps(StringBuilder svg, Axis axis, AttemptReport attempt, int barY) {
    long start = attempt.startedAt().toEpochMilli();
    for (Map.Entry<String, StepTime> step : attempt.steps().entrySet()) {
      StepTime time = step.getValue();
      svg.append("<rect class=\"step\" data-step=\"")
          .append(Escape.html(step.getKey()))
          .append('"')
          .append(
              position(
                  axis.x(start + time.offsetMs()),
                  barY + 2,
                  axis.width(time.durationMs()),
                  BAR_H - 4))
          .append(" fill=\"")
          .append(colour(step.getKey()))
          .append("\"><title>")
          .append(Escape.html(step.getKey() + " · " + Durations.format(time.durationMs())))
          .append("</title></rect>");
    }
  }

  /** A step this version does not know (from a later writer) is drawn in grey. */
  private static String colour(String step) {
    for (AttemptStep known : AttemptStep.values()) {
      if (known.key().equals(step)) {
        return COLOURS.get(known);
      }
    }
    return MUTED;
  }

  private static String tooltip(Row row) {
    TaskReport task = row.task();
    StringBuilder tip = new StringBuilder(row.label());
    if (task.title() != null && !task.title().isBlank()) {
      tip.append(" — ").append(task.title());
    }
    AttemptReport attempt = row.attempt();
    TaskStatus status = attempt != null ? attempt.status() : task.status();
    long duration = task.attempts().size() > 1 ? attempt.durationMs() : task.durationMs();
    tip.append('\n').append(status).append(" · ").append(Durations.format(duration));
    if (row.critical()) {
      tip.append(" · on the critical path");
    }
    return tip.toString();
  }

  private static String rect(double x, double y, double w, double h) {
    return "<rect" + position(x, y, w, h);
  }

  private static String position(double x, double y, double w, double h) {
    return " x=\""
        + num(x)
        + "\" y=\""
        + num(y)
        + "\" width=\""
        + num(w)
        + "\" height=\""
        + num(h)
        + "\" rx=\"2\"";
  }

  private static String paint(String fill, String stroke, double strokeWidth) {
    return " fill=\""
        + fill
        + "\" stroke=\""
        + stroke
        + "\" stroke-width=\""
        + num(strokeWidth)
        + "\"";
  }

  private static void text(
      StringBuilder svg, double x, double y, int size, String colour, boolean bold, String text) {
    svg.append("<text x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(num(y))
        .append("\" font-size=\"")
        .append(size)
        .append("\" fill=\"")
        .append(colour)
        .append('"')
        .append(bold ? " font-weight=\"600\"" : "")
        .append('>')
        .append(Escape.html(text))
        .append("</text>");
  }

  private static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** SVG text neither wraps nor clips: a long id is cut, and shown whole in the row's tooltip. */
  private static String fit(String text, int maxChars) {
    return text.length() <= maxChars ? text : text.substring(0, maxChars - 1) + "…";
  }
}
