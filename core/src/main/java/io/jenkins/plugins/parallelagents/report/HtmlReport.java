package io.jenkins.plugins.parallelagents.report;

import static io.jenkins.plugins.parallelagents.report.HtmlParts.badge;
import static io.jenkins.plugins.parallelagents.report.HtmlParts.code;
import static io.jenkins.plugins.parallelagents.report.HtmlParts.esc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, nothing fetched from anywhere,
 * so it opens the same from a disk, a CI artifact or an air-gapped Jenkins) with the task graph,
 * the task table with links to each step's log, and the merge, test, publish and timing results.
 */
public final class HtmlReport {

  private static final String STYLESHEET = "report.css";

  private final HtmlParts parts;

  /** Links every log and file the run directory layout names, whether or not it was written. */
  public HtmlReport() {
    this(path -> true);
  }

  /**
   * @param linkable whether a path relative to the run directory (such as {@code
   *     tasks/api/agent.log}) should be linked; a task without a setup step has no setup log
   */
  public HtmlReport(Predicate<String> linkable) {
    this.parts = new HtmlParts(linkable);
  }

  /** The report as an HTML document. */
  public String render(RunReport report) {
    RunInfo run = report.run();
    String name = run == null ? "" : run.name();
    StringBuilder html = new StringBuilder(16_384);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>parallel-agents: ")
        .append(esc(name))
        .append(run == null || run.status() == null ? "" : " — " + run.status())
        .append("</title>\n<style>\n")
        .append(stylesheet())
        .append(toneRules())
        .append("</style>\n</head>\n<body>\n<main>\n");
    header(html, run, report.tasks(), report.timing());
    usage(html, report);
    graph(html, report.tasks());
    timeline(html, report);
    html.append("<section id=\"tasks\"><h2>Tasks</h2>\n")
        .append(new HtmlTaskTable(parts).render(report.tasks()))
        .append("</section>\n")
        .append(HtmlConversation.render(report.tasks()));
    HtmlPhases phases = new HtmlPhases(parts);
    html.append(phases.predictedConflicts(report.predictedConflicts()))
        .append(phases.results(report.merge(), report.test(), report.publish()))
        .append(phases.timing(report.timing()));
    html.append("<footer>parallel-agents report · ")
        .append(parts.link(RunDirectory.REPORT_JSON, RunDirectory.REPORT_JSON))
        .append(' ')
        .append(parts.link(RunDirectory.JUNIT_XML, RunDirectory.JUNIT_XML))
        .append(' ')
        .append(parts.link(RunDirectory.REPORT_MD, RunDirectory.REPORT_MD))
        .append("</footer>\n</main>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void header(
      StringBuilder html, RunInfo run, List<TaskReport> tasks, Timing timing) {
    html.append("<header class=\"run\">\n");
    if (run == null) {
      html.append("<h1>parallel-agents run</h1></header>\n");
      return;
    }
    html.append("<h1>").append(esc(run.name())).append(' ').append(badge(run.status()));
    html.append("</h1>\n<p class=\"refs\">");
    if (run.base() != null) {
      html.append(code(run.base().ref()));
      if (run.base().commit() != null) {
        html.append(" at ").append(code(Durations.shortCommit(run.base().commit())));
      }
      html.append(" → ");
    }
    html.append(code(run.target())).append("</p>\n<p class=\"refs\">Run ").append(code(run.id()));
    if (run.startedAt() != null) {
      html.append(" · started ").append(esc(Durations.instant(run.startedAt())));
    }
    if (run.finishedAt() != null) {
      html.append(" · finished ").append(esc(Durations.instant(run.finishedAt())));
    }
    html.append("</p>\n");
    if (run.reason() != null) {
      html.append("<p class=\"reason\">").append(esc(run.reason())).append("</p>\n");
    }
    html.append("<dl class=\"stats\">");
    if (timing != null) {
      stat(html, "Makespan", Durations.format(timing.makespanMs()));
      stat(html, "Critical path", Durations.format(timing.criticalPathMs()));
    }
    long done = tasks.stream().filter(t -> t.status().isDone()).count();
    stat(html, "Tasks done", done + " / " + tasks.size());
    long taskTime = tasks.stream().mapToLong(TaskReport::durationMs).sum();
    stat(html, "Task time, summed", Durations.format(taskTime));
    html.append("</dl>\n</header>\n");
  }

  /** What the agents spent, and the plan's budget with whether it stopped the run. */
  private static void usage(StringBuilder html, RunReport report) {
    String spent = UsageText.of(report.usage());
    BudgetReport budget = report.budget();
    if (spent == null && budget == null) {
      return;
    }
    html.append("<p class=\"refs\">Agents used ")
        .append(esc(spent == null ? "no reported tokens" : spent));
    if (budget != null) {
      html.append(" · budget ").append(esc(UsageText.budget(budget)));
    }
    html.append("</p>\n");
    if (budget != null && budget.spent() != null) {
      html.append("<p class=\"reason\">")
          .append(esc(budget.spent() + ": the tasks not started then were skipped"))
          .append("</p>\n");
    }
  }

  private static void stat(StringBuilder html, String label, String value) {
    html.append("<div><dt>")
        .append(esc(label))
        .append("</dt><dd>")
        .append(esc(value))
        .append("</dd></div>");
  }

  private static void graph(StringBuilder html, List<TaskReport> tasks) {
    html.append("<section id=\"graph\"><h2>Task graph</h2>\n<div class=\"graph\">")
        .append(new GraphSvg().render(tasks))
        .append("</div>\n<div class=\"legend\">");
    Set<TaskStatus> shown = EnumSet.noneOf(TaskStatus.class);
    tasks.forEach(t -> shown.add(t.status()));
    for (TaskStatus status : shown) {
      Tone tone = Tone.of(status);
      html.append("<span><span class=\"swatch\" style=\"background:")
          .append(tone.fill)
          .append(";border-color:")
          .append(tone.stroke)
          .append("\"></span>")
          .append(esc(status.name().replace('_', ' ').toLowerCase(Locale.ROOT)))
          .append("</span>");
    }
    if (tasks.stream().anyMatch(TaskReport::foundation)) {
      html.append("<span><span class=\"swatch foundation\"></span>foundation</span>");
    }
    html.append("</div></section>\n");
  }

  private static void timeline(StringBuilder html, RunReport report) {
    String svg = new TimelineSvg().render(report);
    html.append("<section id=\"timeline\"><h2>Timeline</h2>\n")
        .append(
            svg.isEmpty()
                ? "<p class=\"muted\">No task has started.</p>"
                : "<div class=\"graph\">" + svg + "</div>")
        .append("</section>\n");
  }

  /** Badge colours come from {@link Tone}, so the table and the graph never disagree. */
  private static String toneRules() {
    StringBuilder css = new StringBuilder();
    for (Tone tone : Tone.values()) {
      css.append('.')
          .append(tone.cssClass())
          .append(" { background: ")
          .append(tone.fill)
          .append("; border-color: ")
          .append(tone.stroke)
          .append("; color: ")
          .append(tone.ink)
          .append("; }\n");
    }
    return css.toString();
  }

  private static String stylesheet() {
    try (InputStream in = HtmlReport.class.getResourceAsStream(STYLESHEET)) {
      if (in == null) {
        throw new IllegalStateException(STYLESHEET + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
