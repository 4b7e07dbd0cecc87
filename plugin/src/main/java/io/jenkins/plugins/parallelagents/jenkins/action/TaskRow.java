package io.jenkins.plugins.parallelagents.jenkins.action;

import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.UsageText;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One task's line in the page and in {@code api/json}. */
@ExportedBean(defaultVisibility = 2)
public final class TaskRow {

  private final TaskReport task;

  TaskRow(TaskReport task) {
    this.task = task;
  }

  @Exported
  public String getId() {
    return task.id();
  }

  @Exported
  public String getTitle() {
    return task.title();
  }

  @Exported
  public boolean isFoundation() {
    return task.foundation();
  }

  @Exported
  public List<String> getNeeds() {
    return task.needs();
  }

  @Exported
  public String getStatus() {
    return task.status().name();
  }

  @Exported
  public String getBranch() {
    return task.branch();
  }

  @Exported
  public String getCommit() {
    return task.commit();
  }

  @Exported
  public long getDurationMs() {
    return task.durationMs();
  }

  @Exported
  public List<String> getChangedFiles() {
    return task.changedFiles();
  }

  @Exported
  public List<String> getOutsideDeclaredPaths() {
    return task.outsideDeclaredPaths();
  }

  @Exported
  public String getReason() {
    return task.reason();
  }

  /** Tokens and cost the task's agents reported, or {@code null} when none reported any. */
  @Exported
  public String getUsage() {
    return UsageText.of(task.usage());
  }

  @Exported
  public long getTokens() {
    return task.usage().tokens().total();
  }

  /** US dollars, or {@code null} when an agent's CLI reports no cost (Codex, Gemini CLI). */
  @Exported
  public Double getCostUsd() {
    return task.usage().costUsd();
  }

  /** Seconds with one decimal, for the table. */
  public String getDuration() {
    return String.format(java.util.Locale.ROOT, "%.1f s", task.durationMs() / 1000.0);
  }
}
