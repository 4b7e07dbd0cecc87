package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.git.TouchedPaths;
import io.jenkins.plugins.parallelagents.merge.ConflictPredictor;
import io.jenkins.plugins.parallelagents.merge.TaskBranch;
import io.jenkins.plugins.parallelagents.merge.TaskBranches;
import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Conflict prediction while the tasks run: each task that succeeds is checked against the tasks
 * that succeeded before it (and those kept from an earlier run), and every pair that will conflict
 * is told to the host at once, minutes before the merge.
 *
 * <p>The checks run on a thread of their own, one after another in the order the tasks finished, so
 * that a task's slot is never held by them and each pair is checked once. A pair whose branches
 * touched no common file is not given to git. A failed check is dropped: this is an early warning,
 * and the prediction phase checks every pair again for the report.
 */
final class LivePrediction implements AutoCloseable {

  /**
   * Far longer than queued {@code git merge-tree} calls take; a wedged one must not hold the run.
   */
  private static final long DRAIN_MINUTES = 5;

  private final RunContext run;
  private final String integrationStart;
  private final ConflictPredictor predictor;
  private final ExecutorService checks;

  // Read and written by the check thread only (and the constructor, before it starts).
  private final List<Succeeded> finished = new ArrayList<>();
  private final TouchedByTask touched;

  LivePrediction(RunContext run, String integrationStart) {
    this.run = run;
    this.integrationStart = integrationStart;
    this.predictor =
        new ConflictPredictor(run.git(), 1, new IntegrationPhases(run).regenerator()::covers);
    this.touched =
        new TouchedByTask(run.history(), run.state()::task, integrationStart, new HashMap<>());
    // Before the tasks start, the only succeeded fan-out tasks are those an earlier run kept.
    for (TaskReport kept : run.state().tasks()) {
      branch(kept).ifPresent(branch -> finished.add(new Succeeded(kept, branch)));
    }
    this.checks =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "parallel-agents-" + run.runId() + "-prediction");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Queues the checks of a task that ended, and returns it; never throws, never waits. */
  TaskReport taskFinished(TaskReport task) {
    try {
      checks.execute(() -> check(task));
    } catch (RejectedExecutionException e) {
      // closed: the tasks phase is over, and the prediction phase takes it from here
    }
    return task;
  }

  private void check(TaskReport task) {
    try {
      Optional<TaskBranch> branch = branch(task);
      if (branch.isEmpty()) {
        return;
      }
      TouchedPaths changes = touched.of(task);
      for (Succeeded earlier : finished) {
        if (changes.mayConflictWith(touched.of(earlier.task()))) {
          predictor
              .predictPair(run.repository(), earlier.branch(), branch.get())
              .ifPresent(this::tell);
        }
      }
      finished.add(new Succeeded(task, branch.get()));
    } catch (RuntimeException e) {
      // A check that fails (git gone, a branch moved) predicts nothing; the merge still decides.
    }
  }

  /** One host's failing listener must not cost the warnings of the pairs after it. */
  private void tell(PredictedConflict conflict) {
    try {
      run.listener().conflictPredicted(conflict);
    } catch (RuntimeException e) {
      // the host's problem; the run goes on
    }
  }

  /** The task's branch as the merge will take it, if it succeeded with work to merge. */
  private Optional<TaskBranch> branch(TaskReport task) {
    return TaskBranches.inMergeOrder(
            List.of(task.id()),
            id -> id.equals(task.id()) ? task : run.state().task(id),
            integrationStart)
        .stream()
        .findFirst();
  }

  private record Succeeded(TaskReport task, TaskBranch branch) {}

  /** Waits for the queued checks: a warning that arrives after the merge began is no warning. */
  @Override
  public void close() {
    checks.shutdown();
    try {
      if (!checks.awaitTermination(DRAIN_MINUTES, TimeUnit.MINUTES)) {
        checks.shutdownNow();
      }
    } catch (InterruptedException e) {
      checks.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
