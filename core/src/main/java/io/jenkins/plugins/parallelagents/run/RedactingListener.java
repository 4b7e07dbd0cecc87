package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.ReportRedaction;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.secrets.Redactor;
import java.nio.file.Path;

/**
 * Masks secrets in everything a host hears of a run: output lines (a terminal with {@code
 * --verbose}, a Jenkins console), phase outcomes, and the reasons inside task and run reports.
 */
final class RedactingListener implements RunListener {

  private final RunListener host;
  private final Redactor redactor;
  private final ReportRedaction reports;

  RedactingListener(RunListener host, Redactor redactor) {
    this.host = host;
    this.redactor = redactor;
    this.reports = new ReportRedaction(redactor::redact);
  }

  @Override
  public void runStarted(String runId, Path runDirectory) {
    host.runStarted(runId, runDirectory);
  }

  @Override
  public void taskChanged(TaskReport task) {
    host.taskChanged(reports.apply(task, TaskReport.class));
  }

  @Override
  public void output(String source, String step, String line) {
    host.output(source, step, redactor.redact(line));
  }

  @Override
  public void stepStarted(String taskId, int attempt, String step) {
    host.stepStarted(taskId, attempt, step);
  }

  @Override
  public void phaseStarted(String phase) {
    host.phaseStarted(phase);
  }

  @Override
  public void phaseFinished(String phase, String outcome) {
    host.phaseFinished(phase, redactor.redact(outcome));
  }

  @Override
  public void conflictPredicted(PredictedConflict conflict) {
    host.conflictPredicted(reports.apply(conflict, PredictedConflict.class));
  }

  @Override
  public void runFinished(RunReport report) {
    host.runFinished(reports.apply(report, RunReport.class));
  }
}
