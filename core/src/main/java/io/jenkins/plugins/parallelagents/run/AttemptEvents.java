package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.agent.AttemptRunner;
import io.jenkins.plugins.parallelagents.report.AttemptStep;

/** What one attempt of a task tells the run's listener: its output lines and its steps. */
final class AttemptEvents implements AttemptRunner.OutputSink {

  private final RunListener listener;
  private final String taskId;
  private final int attempt;

  AttemptEvents(RunListener listener, String taskId, int attempt) {
    this.listener = listener;
    this.taskId = taskId;
    this.attempt = attempt;
  }

  @Override
  public void line(String step, String line) {
    listener.output(taskId, step, line);
  }

  @Override
  public void stepStarted(AttemptStep step) {
    listener.stepStarted(taskId, attempt, step.key());
  }
}
