package io.jenkins.plugins.parallelagents.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code report.md}: the run for a pull request description, a chat message or a terminal. Text
 * from users and agents is escaped so that it cannot break a table or inject markup.
 */
public final class MarkdownReport {

  /** The report as GitHub-flavoured Markdown. */
  public String render(RunReport report) {
    StringBuilder md = new StringBuilder();
    header(md, report.run(), report.timing());
    usage(md, report);
    tasks(md, report.tasks());
    predictedConflicts(md, report.predictedConflicts());
    MarkdownTrain.merge(md, report.merge());
    MarkdownTrain.test(md, report.test());
    MarkdownTrain.failedAttempts(md, report.tasks());
    publish(md, report.publish());
    timing(md, report.timing());
    return md.toString();
  }

  private static void header(StringBuilder md, RunInfo run, Timing timing) {
    if (run == null) {
      md.append("# parallel-agents run\n\n");
      return;
    }
    md.append("# parallel-agents: ")
        .append(Escape.markdown(run.name()))
        .append(" — ")
        .append(run.status())
        .append("\n\n");
    if (run.reason() != null) {
      md.append("> ").append(Escape.markdown(run.reason())).append("\n\n");
    }
    md.append("- Run: ").append(Escape.markdownCode(run.id())).append('\n');
    if (run.base() != null) {
      md.append("- Base: ").append(Escape.markdownCode(run.base().ref()));
      if (run.base().commit() != null) {
        md.append(" at ").append(Escape.markdownCode(Durations.shortCommit(run.base().commit())));
      }
      md.append('\n');
    }
    md.append("- Target: ").append(Escape.markdownCode(run.target())).append('\n');
    if (run.startedAt() != null) {
      md.append("- Started: ").append(Durations.instant(run.startedAt()));
      if (run.finishedAt() != null) {
        md.append(", finished: ").append(Durations.instant(run.finishedAt()));
      }
      md.append('\n');
    }
    if (timing != null) {
      md.append("- Makespan: ")
          .append(Durations.format(timing.makespanMs()))
          .append(" (critical path ")
          .append(Durations.format(timing.criticalPathMs()))
          .append(")\n");
    }
    md.append('\n');
  }

  /** What the agents spent, the plan's budget, and whether it stopped the run. */
  private static void usage(StringBuilder md, RunReport report) {
    String spent = UsageText.of(report.usage());
    BudgetReport budget = report.budget();
    if (spent == null && budget == null) {
      return;
    }
    md.append("- Agents used: ").append(spent == null ? "no reported tokens" : spent);
    if (budget != null) {
      md.append(" (budget ").append(UsageText.budget(budget)).append(')');
    }
    md.append("\n\n");
    if (budget != null && budget.spent() != null) {
      md.append("> ")
          .append(Escape.markdown(budget.spent() + ": the tasks not started then were skipped"))
          .append("\n\n");
    }
  }

  private static void tasks(StringBuilder md, List<TaskReport> tasks) {
    md.append("## Tasks\n\n");
    if (tasks.isEmpty()) {
      md.append("No tasks.\n\n");
      return;
    }
    // The usage column only when an agent reported usage: other runs keep their table.
    boolean usage = tasks.stream().anyMatch(t -> t.usage().attempts() > 0);
    md.append("| Task | Status | Duration | Attempts | +/− lines | Files |")
        .append(usage ? " Tokens and cost |" : "")
        .append(" Reason |\n");
    md.append("|---|---|---:|---:|---:|---:|").append(usage ? "---|" : "").append("---|\n");
    for (TaskReport task : tasks) {
      String name = Escape.markdownCode(task.id());
      if (task.foundation()) {
        name += " (foundation)";
      }
      if (task.title() != null && !task.title().isBlank()) {
        name += " " + Escape.markdown(task.title());
      }
      String files = Integer.toString(task.changedFiles().size());
      if (!task.outsideDeclaredPaths().isEmpty()) {
        files += " (" + task.outsideDeclaredPaths().size() + " outside declared paths)";
      }
      List<String> cells =
          new ArrayList<>(
              List.of(
                  name,
                  task.status().name(),
                  task.durationMs() > 0 ? Durations.format(task.durationMs()) : "",
                  attempts(task),
                  "+" + task.insertions() + " −" + task.deletions(),
                  files));
      if (usage) {
        cells.add(Escape.markdown(UsageText.of(task.usage())));
      }
      cells.add(Escape.markdown(task.reason()));
      row(md, cells.toArray(String[]::new));
    }
    md.append('\n');
  }

  private static String attempts(TaskReport task) {
    String count = Integer.toString(task.attempts().size());
    if (task.attempts().size() > 1 && task.chosenAttempt() != null) {
      count += " (chose " + task.chosenAttempt() + ")";
    }
    return count;
  }

  private static void predictedConflicts(StringBuilder md, List<PredictedConflict> conflicts) {
    md.append("## Predicted conflicts\n\n");
    if (conflicts.isEmpty()) {
      md.append("None.\n\n");
      return;
    }
    md.append("| Tasks | Files |\n|---|---|\n");
    for (PredictedConflict c : conflicts) {
      row(
          md,
          Escape.markdownCode(c.a()) + " × " + Escape.markdownCode(c.b()),
          codes(c.files(), ", "));
    }
    md.append('\n');
  }

  private static void publish(StringBuilder md, PublishReport publish) {
    md.append("## Publish\n\n");
    if (publish == null) {
      md.append("Not run.\n\n");
      return;
    }
    md.append("- Status: **").append(publish.status()).append("**\n");
    md.append("- Branch: ").append(Escape.markdownCode(publish.branch()));
    if (publish.remote() != null) {
      md.append(" on ").append(Escape.markdownCode(publish.remote()));
    }
    md.append('\n');
    if (publish.commit() != null) {
      md.append("- Commit: ").append(Escape.markdownCode(publish.commit())).append('\n');
    }
    if (publish.reason() != null) {
      md.append("- Reason: ").append(Escape.markdown(publish.reason())).append('\n');
    }
    md.append('\n');
  }

  private static void timing(StringBuilder md, Timing timing) {
    md.append("## Timing\n\n");
    if (timing == null) {
      md.append("Not measured yet.\n");
      return;
    }
    md.append("Makespan ")
        .append(Durations.format(timing.makespanMs()))
        .append(", critical path ")
        .append(Durations.format(timing.criticalPathMs()))
        .append(".\n");
    if (!timing.phasesMs().isEmpty()) {
      md.append("\n| Phase | Time |\n|---|---:|\n");
      for (Map.Entry<String, Long> phase : timing.phasesMs().entrySet()) {
        row(md, Escape.markdown(phase.getKey()), Durations.format(phase.getValue()));
      }
    }
  }

  private static String codes(List<String> values, String separator) {
    return values.stream().map(Escape::markdownCode).collect(Collectors.joining(separator));
  }

  /** One table row; every cell is already escaped. */
  private static void row(StringBuilder md, String... cells) {
    md.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }
}
