package io.jenkins.plugins.parallelagents.report;

import static io.jenkins.plugins.parallelagents.report.HtmlParts.badge;
import static io.jenkins.plugins.parallelagents.report.HtmlParts.code;
import static io.jenkins.plugins.parallelagents.report.HtmlParts.esc;

import java.util.ArrayList;
import java.util.List;

/**
 * The task table of {@code report.html}: per task its status, time, attempts with their logs,
 * diffstat, and what went wrong.
 */
final class HtmlTaskTable {

  private static final List<String> STEPS = List.of("setup", "agent", "verify");

  private final HtmlParts parts;

  HtmlTaskTable(HtmlParts parts) {
    this.parts = parts;
  }

  String render(List<TaskReport> tasks) {
    StringBuilder html = new StringBuilder();
    html.append("<table class=\"tasks\">\n<thead><tr><th>Task</th><th>Status</th>")
        .append("<th class=\"num\">Duration</th><th>Attempts and logs</th><th>Diff</th>")
        .append("<th>Tokens and cost</th>")
        .append("<th>Notes</th></tr></thead>\n<tbody>\n");
    for (TaskReport task : tasks) {
      html.append("<tr id=\"task-").append(esc(task.id())).append("\">");
      html.append("<td>").append(name(task)).append("</td>");
      html.append("<td>").append(badge(task.status())).append("</td>");
      html.append("<td class=\"num\">")
          .append(task.durationMs() > 0 ? esc(Durations.format(task.durationMs())) : "")
          .append("</td>");
      html.append("<td>").append(attempts(task)).append("</td>");
      html.append("<td>").append(diff(task)).append("</td>");
      String usage = UsageText.of(task.usage());
      html.append("<td class=\"usage\">")
          .append(usage == null ? "<span class=\"muted\">—</span>" : esc(usage))
          .append("</td>");
      html.append("<td class=\"note\">").append(notes(task)).append("</td>");
      html.append("</tr>\n");
    }
    return html.append("</tbody>\n</table>\n").toString();
  }

  private static String name(TaskReport task) {
    StringBuilder html = new StringBuilder("<div class=\"task-id\">").append(esc(task.id()));
    if (task.foundation()) {
      html.append("<span class=\"tag\" title=\"runs first, serially\">FOUNDATION</span>");
    }
    html.append("</div>");
    if (task.title() != null && !task.title().isBlank()) {
      html.append("<div class=\"title\">").append(esc(task.title())).append("</div>");
    }
    if (!task.needs().isEmpty()) {
      html.append("<div class=\"needs\">needs ")
          .append(HtmlParts.codes(task.needs(), ", "))
          .append("</div>");
    }
    return html.toString();
  }

  /**
   * One line per attempt with its step logs, then the task's prompt and diff. A single attempt
   * keeps its logs in the task directory, several each in their own (see {@link RunDirectory}).
   */
  private String attempts(TaskReport task) {
    StringBuilder html = new StringBuilder();
    List<AttemptReport> attempts = task.attempts();
    int count = attempts.stream().mapToInt(AttemptReport::n).max().orElse(0);
    count = Math.max(count, attempts.size());
    for (AttemptReport attempt : attempts) {
      html.append("<div class=\"attempt\">");
      if (count > 1) {
        html.append("#")
            .append(attempt.n())
            .append(' ')
            .append(badge(attempt.status()))
            .append(' ');
        html.append(esc(Durations.format(attempt.durationMs())));
        if (attempt.exitCode() != null && attempt.exitCode() != 0) {
          html.append(" · exit ").append(attempt.exitCode());
        }
        if (task.chosenAttempt() != null && task.chosenAttempt() == attempt.n()) {
          html.append(" <span class=\"chosen\">chosen</span>");
        }
        html.append(" · ");
      } else if (attempt.exitCode() != null && attempt.exitCode() != 0) {
        html.append("exit ").append(attempt.exitCode()).append(" · ");
      }
      html.append("<span class=\"links\">")
          .append(stepLinks(task.id(), attempt.n(), count))
          .append("</span></div>");
    }
    String files =
        parts.link("tasks/" + task.id() + "/prompt.md", "prompt")
            + parts.link("tasks/" + task.id() + "/diff.patch", "diff");
    if (!files.isEmpty()) {
      html.append("<div class=\"links\">").append(files).append("</div>");
    }
    return html.toString();
  }

  private String stepLinks(String taskId, int attempt, int attempts) {
    StringBuilder links = new StringBuilder();
    for (String step : STEPS) {
      String path = RunDirectory.relativeStepLog(taskId, attempt, attempts, step);
      if (attempts == 1 && !parts.exists(path)) {
        // A plan asking for several attempts keeps attempt directories even if only one ran.
        path = RunDirectory.relativeStepLog(taskId, attempt, 2, step);
      }
      links.append(parts.link(path, step));
    }
    return links.toString();
  }

  private static String diff(TaskReport task) {
    if (task.changedFiles().isEmpty() && task.insertions() == 0 && task.deletions() == 0) {
      return "<span class=\"muted\">—</span>";
    }
    StringBuilder html = new StringBuilder();
    html.append("<span class=\"diffstat\"><span class=\"ins\">+")
        .append(task.insertions())
        .append("</span> <span class=\"del\">−")
        .append(task.deletions())
        .append("</span></span>");
    int files = task.changedFiles().size();
    html.append("<details><summary>")
        .append(files)
        .append(files == 1 ? " file" : " files")
        .append("</summary><ul>");
    for (String file : task.changedFiles()) {
      html.append("<li>").append(code(file)).append("</li>");
    }
    return html.append("</ul></details>").toString();
  }

  private static String notes(TaskReport task) {
    List<String> notes = new ArrayList<>();
    if (task.reason() != null) {
      notes.add("<div>" + esc(task.reason()) + "</div>");
    }
    for (AttemptReport attempt : task.attempts()) {
      if (attempt.failure() != null) {
        notes.add(HtmlTrain.excerpt(attempt.failure()));
      }
    }
    if (!task.outsideDeclaredPaths().isEmpty()) {
      notes.add(
          "<div class=\"warn\">⚠ changed outside its declared paths: "
              + HtmlParts.codes(task.outsideDeclaredPaths(), ", ")
              + "</div>");
    }
    return String.join("", notes);
  }
}
