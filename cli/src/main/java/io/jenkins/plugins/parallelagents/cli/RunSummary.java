package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.report.MergeReport;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.report.RunInfo;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.SetAside;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.UsageText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a finished run prints last: the outcome, each task, where the result and report are. */
final class RunSummary {

  private final Map<String, Integer> plannedAttempts;

  RunSummary(Map<String, Integer> plannedAttempts) {
    this.plannedAttempts = Map.copyOf(plannedAttempts);
  }

  void print(RunReport report, PrintWriter out) {
    RunInfo run = report.run();
    out.println();
    out.println("Run " + run.id() + " of '" + run.name() + "': " + run.status());
    boolean usage = report.usage().attempts() > 0;
    List<List<String>> rows = new ArrayList<>();
    for (TaskReport task : report.tasks()) {
      String details =
          TaskText.details(task, plannedAttempts.getOrDefault(task.id(), 1))
              .replaceFirst("^: ", "");
      String spent = UsageText.of(task.usage());
      rows.add(
          usage
              ? List.of(task.id(), task.status().name(), spent == null ? "-" : spent, details)
              : List.of(task.id(), task.status().name(), details));
    }
    Words.columns(rows).forEach(line -> out.println("  " + line));
    if (usage) {
      out.println("Usage:    " + UsageText.of(report.usage()) + " in all");
    }
    if (report.budget() != null && report.budget().spent() != null) {
      out.println("Budget:   " + report.budget().spent() + "; the tasks not started were skipped");
    }
    MergeReport merge = report.merge();
    if (merge != null) {
      combined(merge, out);
    }
    PublishReport publish = report.publish();
    if (publish != null) {
      out.println("Target:   " + target(run, publish));
    }
    if (run.directory() != null) {
      out.println("Report:   " + Path.of(run.directory()).resolve(RunDirectory.REPORT_HTML));
    }
    if (run.status() != RunStatus.SUCCEEDED && run.reason() != null) {
      out.println("Reason:   " + run.reason());
    }
    NextStep.after(report).ifPresent(next -> out.println("Next:     " + next));
    out.flush();
  }

  /**
   * The combined commit; a partial one says how many tasks it holds and names each task set aside
   * with why, so that it never reads as the whole result.
   */
  private static void combined(MergeReport merge, PrintWriter out) {
    if (merge.commit() == null) {
      out.println("Combined: nothing combined (" + merge.status() + ")");
      return;
    }
    if (merge.status() != MergeStatus.PARTIAL) {
      out.println("Combined: " + merge.branch() + " at " + Words.shortCommit(merge.commit()));
      return;
    }
    List<String> aside = merge.setAside().stream().map(SetAside::task).toList();
    out.println(
        "Combined "
            + merge.merged().size()
            + " of "
            + (merge.merged().size() + aside.size())
            + " tasks: "
            + String.join(", ", merge.merged())
            + " on "
            + merge.branch()
            + " at "
            + Words.shortCommit(merge.commit())
            + " (set aside: "
            + String.join(", ", aside)
            + ")");
    for (SetAside task : merge.setAside()) {
      String line = "  set aside " + task.task() + " (" + task.cause() + "): " + task.reason();
      boolean named = task.failingTests().stream().allMatch(t -> task.reason().contains(t));
      if (!named) {
        line += "; failing: " + String.join(", ", task.failingTests());
      }
      out.println(line);
    }
  }

  private static String target(RunInfo run, PublishReport publish) {
    String branch = publish.branch() != null ? publish.branch() : run.target();
    StringBuilder text = new StringBuilder(branch).append(' ').append(publish.status());
    if (publish.commit() != null) {
      text.append(" at ").append(Words.shortCommit(publish.commit()));
    }
    if (publish.remote() != null) {
      text.append(" (remote ").append(publish.remote()).append(')');
    }
    if (publish.reason() != null) {
      text.append(": ").append(publish.reason());
    }
    return text.toString();
  }
}
