package io.jenkins.plugins.parallelagents.report;

import static io.jenkins.plugins.parallelagents.report.HtmlParts.badge;
import static io.jenkins.plugins.parallelagents.report.HtmlParts.code;
import static io.jenkins.plugins.parallelagents.report.HtmlParts.codes;
import static io.jenkins.plugins.parallelagents.report.HtmlParts.esc;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run-level sections of {@code report.html}: conflicts, merge, test, publish and timing. */
final class HtmlPhases {

  private final HtmlParts parts;

  HtmlPhases(HtmlParts parts) {
    this.parts = parts;
  }

  String predictedConflicts(List<PredictedConflict> conflicts) {
    StringBuilder html = new StringBuilder("<section id=\"predicted-conflicts\">");
    html.append("<h2>Predicted conflicts</h2>\n");
    if (conflicts.isEmpty()) {
      return html.append("<p class=\"muted\">None: every pair of task branches merges cleanly.</p>")
          .append("</section>\n")
          .toString();
    }
    html.append("<table><thead><tr><th>Tasks</th><th>Files</th></tr></thead><tbody>\n");
    for (PredictedConflict c : conflicts) {
      html.append("<tr><td>")
          .append(code(c.a()))
          .append(" × ")
          .append(code(c.b()))
          .append("</td><td>")
          .append(codes(c.files(), " "))
          .append("</td></tr>\n");
    }
    return html.append("</tbody></table></section>\n").toString();
  }

  /** Merge, test and publish side by side: together they say whether the result shipped. */
  String results(MergeReport merge, TestReport test, PublishReport publish) {
    return "<div class=\"phases\">\n" + merge(merge) + test(test) + publish(publish) + "</div>\n";
  }

  private String merge(MergeReport merge) {
    StringBuilder html = new StringBuilder("<section id=\"merge\"><h2>Merge</h2>");
    if (merge == null) {
      return html.append("<p class=\"muted\">Not run.</p></section>\n").toString();
    }
    html.append("<dl class=\"kv\">");
    entry(html, "Status", badge(merge.status()));
    entry(html, "Strategy", merge.strategy() == null ? "" : esc(merge.strategy().name()));
    entry(html, "Order", codes(merge.order(), " → "));
    entry(html, "Branch", code(merge.branch()));
    entry(html, "Commit", code(merge.commit()));
    entry(html, "Duration", esc(Durations.format(merge.durationMs())));
    entry(html, "Reason", esc(merge.reason()));
    entry(html, "Log", parts.link("merge.log", "merge.log"));
    html.append("</dl>");
    if (!merge.conflicts().isEmpty()) {
      html.append("<table class=\"conflicts\"><thead><tr><th>Task</th><th>Files</th>")
          .append("<th>Touched by</th></tr></thead><tbody>");
      for (MergeConflict c : merge.conflicts()) {
        html.append("<tr><td>")
            .append(code(c.task()))
            .append("</td><td>")
            .append(codes(c.files(), " "))
            .append("</td><td>")
            .append(codes(c.with(), " "))
            .append("</td></tr>");
      }
      html.append("</tbody></table>");
    }
    return html.append(HtmlTrain.merge(merge)).append("</section>\n").toString();
  }

  private String test(TestReport test) {
    StringBuilder html = new StringBuilder("<section id=\"test\"><h2>Test</h2>");
    if (test == null) {
      return html.append("<p class=\"muted\">Not run.</p></section>\n").toString();
    }
    html.append("<dl class=\"kv\">");
    entry(html, "Status", badge(test.status()));
    entry(html, "Command", code(test.command()));
    entry(html, "Exit code", test.exitCode() == null ? "" : test.exitCode().toString());
    entry(html, "Duration", esc(Durations.format(test.durationMs())));
    entry(html, "Reason", esc(test.reason()));
    entry(html, "Log", parts.link("test.log", "test.log"));
    return html.append("</dl>").append(HtmlTrain.test(test)).append("</section>\n").toString();
  }

  private String publish(PublishReport publish) {
    StringBuilder html = new StringBuilder("<section id=\"publish\"><h2>Publish</h2>");
    if (publish == null) {
      return html.append("<p class=\"muted\">Not run.</p></section>\n").toString();
    }
    html.append("<dl class=\"kv\">");
    entry(html, "Status", badge(publish.status()));
    entry(html, "Branch", code(publish.branch()));
    entry(html, "Remote", code(publish.remote()));
    entry(html, "Commit", code(publish.commit()));
    entry(html, "Reason", esc(publish.reason()));
    entry(html, "Log", parts.link("publish.log", "publish.log"));
    return html.append("</dl></section>\n").toString();
  }

  /** Leaves out rows with nothing to say, so a short phase stays short. */
  private static void entry(StringBuilder html, String label, String valueHtml) {
    if (valueHtml != null && !valueHtml.isEmpty()) {
      html.append("<dt>").append(label).append("</dt><dd>").append(valueHtml).append("</dd>");
    }
  }

  /**
   * Makespan against the critical path (how close the run came to the best the graph allows), then
   * each phase, as bars on one scale.
   */
  String timing(Timing timing) {
    StringBuilder html = new StringBuilder("<section id=\"timing\"><h2>Timing</h2>");
    if (timing == null) {
      return html.append("<p class=\"muted\">Not measured yet.</p></section>\n").toString();
    }
    long scale = Math.max(1, timing.makespanMs());
    for (long phase : timing.phasesMs().values()) {
      scale = Math.max(scale, phase);
    }
    html.append("<table class=\"bars\"><tbody>\n");
    bar(html, "Makespan", timing.makespanMs(), scale, "total");
    bar(html, "Critical path", timing.criticalPathMs(), scale, "critical");
    for (Map.Entry<String, Long> phase : timing.phasesMs().entrySet()) {
      bar(html, phase.getKey(), phase.getValue(), scale, "");
    }
    return html.append("</tbody></table></section>\n").toString();
  }

  private static void bar(StringBuilder html, String label, long ms, long scale, String kind) {
    double percent = 100.0 * ms / scale;
    html.append("<tr><td>")
        .append(esc(label))
        .append("</td><td class=\"track\"><div class=\"bar ")
        .append(kind)
        .append("\" style=\"width:")
        .append(String.format(Locale.ROOT, "%.1f", percent))
        .append("%\"></div></td><td class=\"num\">")
        .append(esc(Durations.format(ms)))
        .append("</td></tr>\n");
  }
}
