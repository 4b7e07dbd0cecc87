package io.jenkins.plugins.parallelagents.distributed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks a hand-off's {@code task.json} before anything of it is used. A hand-off is written on a
 * node where an agent ran, and may come back as a CI artifact: whatever it says is taken only when
 * it can be this run's result of the task its folder is named after. Its branch is the task's own,
 * so a fetch can never move another branch of the checkout; its commit is checked against its
 * bundle by {@link Handoff}.
 */
final class HandoffCheck {

  /** Far more than any task report: a bigger file is not one, and is not read into memory. */
  static final long MAX_REPORT_BYTES = 4L * 1024 * 1024;

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

  private final NodeRun run;
  private final ObjectMapper json = ReportJson.newMapper();

  HandoffCheck(NodeRun run) {
    this.run = run;
  }

  /** The task a hand-off folder is for, by the folder's name. */
  Task task(Path dir) {
    String name = dir.getFileName().toString();
    if (Files.isSymbolicLink(dir)) {
      throw refused(name, "its folder is a symbolic link");
    }
    return run.plan()
        .task(name)
        .orElseThrow(() -> refused(name, "the plan has no task of that name"));
  }

  /** The task's report, read and checked against the plan and the run. */
  TaskReport report(Task task, Path file) {
    requireRegularFile(task.id(), file, MAX_REPORT_BYTES);
    TaskReport report;
    try {
      report = json.readValue(file.toFile(), TaskReport.class);
    } catch (IOException | RuntimeException e) {
      throw refused(task.id(), file.getFileName() + " is not a task report");
    }
    if (report == null || report.status() == null) {
      throw refused(task.id(), file.getFileName() + " is not a task report");
    }
    if (!task.id().equals(report.id())) {
      throw refused(task.id(), "its task.json is for task '" + report.id() + "'");
    }
    String branch = run.branches().task(task.id());
    if (!branch.equals(report.branch())) {
      throw refused(
          task.id(), "its branch is '" + report.branch() + "', not this run's '" + branch + "'");
    }
    if (report.commit() != null && !COMMIT.matcher(report.commit()).matches()) {
      throw refused(task.id(), "its commit '" + report.commit() + "' is not a commit id");
    }
    if (report.foundation() != task.foundation() || !Objects.equals(report.needs(), task.needs())) {
      throw refused(task.id(), "its foundation and needs are not the plan's");
    }
    return report;
  }

  /** A plain file of at most {@code maxBytes}, never a link to somewhere else on the node. */
  static void requireRegularFile(String taskId, Path file, long maxBytes) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw refused(taskId, "it has no " + file.getFileName());
    }
    if (!attributes.isRegularFile()) {
      throw refused(taskId, file.getFileName() + " is not a plain file");
    }
    if (attributes.size() > maxBytes) {
      throw refused(taskId, file.getFileName() + " is larger than " + maxBytes + " bytes");
    }
  }

  static HandoffException refused(String taskId, String why) {
    return new HandoffException("the hand-off of task '" + taskId + "' was refused: " + why);
  }
}
