package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.report.RunReport;

/**
 * Runs one plan end to end: foundation, fan-out, merge, test, publish, reports. One instance per
 * run; {@link #cancel()} may be called from another thread (Ctrl-C, an aborted build).
 */
public final class RunEngine {

  private final Plan plan;
  private final RunOptions options;
  private final RunListener listener;

  public RunEngine(Plan plan, RunOptions options, RunListener listener) {
    this.plan = plan;
    this.options = options;
    this.listener = listener;
  }

  /**
   * Runs the plan. Failed tasks, conflicts and red tests are outcomes in the returned report, not
   * exceptions.
   *
   * @throws EnvironmentException when the repository or git cannot run a plan at all
   */
  public RunReport execute() throws EnvironmentException {
    throw new UnsupportedOperationException("not yet");
  }

  /** Stops the run: kills every running command's process tree and marks its tasks CANCELLED. */
  public void cancel() {
    throw new UnsupportedOperationException("not yet");
  }
}
