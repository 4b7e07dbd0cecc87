package io.jenkins.plugins.parallelagents.report;

import static io.jenkins.plugins.parallelagents.report.HtmlParts.badge;
import static io.jenkins.plugins.parallelagents.report.HtmlParts.code;
import static io.jenkins.plugins.parallelagents.report.HtmlParts.codes;
import static io.jenkins.plugins.parallelagents.report.HtmlParts.esc;

import java.util.List;

/**
 * The merge train's details in {@code report.html}: what was combined and what was set aside (a
 * partial merge says so first), regenerated files, the resolver's changes, each run of the test,
 * and a failed step's failing tests and last lines. All of it is agent-written text, escaped.
 */
final class HtmlTrain {

  private HtmlTrain() {}

  static String merge(MergeReport merge) {
    StringBuilder html = new StringBuilder();
    if (merge.status() == MergeStatus.PARTIAL) {
      html.append("<p class=\"warn\">Partial: only ")
          .append(merge.merged().size())
          .append(" of ")
          .append(merge.merged().size() + merge.setAside().size())
          .append(" tasks are combined.</p>");
    }
    if (!merge.merged().isEmpty()) {
      html.append("<p>Combined: ").append(codes(merge.merged(), " ")).append("</p>");
    }
    if (!merge.setAside().isEmpty()) {
      html.append("<table class=\"set-aside\"><thead><tr><th>Set aside</th><th>Cause</th>")
          .append("<th>With</th><th>Files</th><th>Why</th></tr></thead><tbody>");
      for (SetAside s : merge.setAside()) {
        html.append("<tr><td>")
            .append(code(s.task()))
            .append("</td><td>")
            .append(esc(s.cause().name()))
            .append("</td><td>")
            .append(codes(s.with(), " "))
            .append("</td><td>")
            .append(codes(s.files(), " "))
            .append("</td><td>")
            .append(esc(s.reason()))
            .append("</td></tr>");
      }
      html.append("</tbody></table>");
    }
    for (Regenerated r : merge.regenerated()) {
      html.append("<p>Regenerated for ")
          .append(code(r.task()))
          .append(": ")
          .append(codes(r.files(), " "))
          .append(" by ")
          .append(codes(r.commands(), " "))
          .append("</p>");
    }
    for (Resolution r : merge.resolutions()) {
      html.append("<details><summary>Resolver's change to ")
          .append(code(r.file()))
          .append(" (")
          .append(code(r.task()))
          .append(")</summary><div class=\"excerpt\">")
          .append(pre(r.diff() == null ? List.of() : r.diff().lines().toList()))
          .append("</div></details>");
    }
    return html.toString();
  }

  static String test(TestReport test) {
    StringBuilder html = new StringBuilder();
    if (!test.runs().isEmpty()) {
      html.append("<table class=\"test-runs\"><thead><tr><th>Tasks</th><th>Status</th>")
          .append("<th>Why</th><th>Failing tests</th></tr></thead><tbody>");
      for (TestRun run : test.runs()) {
        html.append("<tr><td>")
            .append(codes(run.tasks(), " "))
            .append("</td><td>")
            .append(badge(run.status()))
            .append("</td><td>")
            .append(esc(run.purpose()))
            .append("</td><td>")
            .append(codes(run.failingTests(), " "))
            .append("</td></tr>");
      }
      html.append("</tbody></table>");
    }
    return html.append(excerpt(test.failure())).toString();
  }

  /** Failing tests, then the last lines in a {@code <pre>} that escaped text cannot close. */
  static String excerpt(FailureExcerpt failure) {
    if (failure == null) {
      return "";
    }
    StringBuilder html = new StringBuilder("<div class=\"excerpt\">");
    if (!failure.failingTests().isEmpty()) {
      html.append("<div>Failing tests:</div><ul class=\"failing\">");
      failure.failingTests().forEach(t -> html.append("<li>").append(code(t)).append("</li>"));
      html.append("</ul>");
    }
    if (!failure.lastLines().isEmpty()) {
      html.append(pre(failure.lastLines()));
    }
    return html.append("</div>").toString();
  }

  private static String pre(List<String> lines) {
    return "<pre>" + esc(String.join("\n", lines)) + "</pre>";
  }
}
