package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import java.nio.file.Path;

/**
 * What a run tells its host as it goes. Called from several threads at once: implementations must
 * be thread-safe and quick (the engine waits for them).
 */
public interface RunListener {

  RunListener NONE = new RunListener() {};

  default void runStarted(String runId, Path runDirectory) {}

  /** A task changed: a new status, a new attempt, a result. */
  default void taskChanged(TaskReport task) {}

  /**
   * A line of output from a step. {@code source} is a task id, or {@code merge} / {@code test};
   * {@code step} is {@code setup}, {@code agent}, {@code verify}, {@code resolver}, {@code test}.
   */
  default void output(String source, String step, String line) {}

  /**
   * An attempt of a task began a step: {@code setup}, {@code agent}, {@code commit}, {@code verify}
   * or {@code collect} (see {@link io.jenkins.plugins.parallelagents.report.AttemptStep}), in that
   * order, skipping those it does not run. The step before it, if any, has ended.
   *
   * @param attempt the attempt's number, from 1
   */
  default void stepStarted(String taskId, int attempt, String step) {}

  /** A phase began: {@code foundation}, {@code tasks}, {@code prediction}, {@code merge}, ... */
  default void phaseStarted(String phase) {}

  /**
   * A phase ended, with a short outcome such as {@code MERGED} or {@code 2 predicted conflicts}.
   */
  default void phaseFinished(String phase, String outcome) {}

  /**
   * While the tasks still run, two tasks that succeeded will conflict when merged: said once per
   * pair, as soon as the second of them succeeds and before the merge phase starts, with {@code b}
   * the later one. A warning only: the report's {@code predictedConflicts} is the prediction
   * phase's full list.
   */
  default void conflictPredicted(PredictedConflict conflict) {}

  default void runFinished(RunReport report) {}
}
