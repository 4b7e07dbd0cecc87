package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.git.GitException;
import io.jenkins.plugins.parallelagents.graph.TaskGraph;
import io.jenkins.plugins.parallelagents.merge.TaskBranch;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.MergeReport;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.report.TestReport;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** The phases of one run in order, each timed: foundation, tasks, then merge, test and publish. */
final class RunPhases {

  private static final String CANCELLED = "the run was cancelled";

  private final RunContext run;
  private final Preflight.Checked checked;
  private final RunState state;

  private final int jobs;
  private final Set<String> kept;

  /**
   * @param kept the tasks that keep an earlier run's result: they are not run again
   */
  RunPhases(RunContext run, Preflight.Checked checked, int jobs, Set<String> kept) {
    this.jobs = jobs;
    this.kept = Set.copyOf(kept);
    this.run = run;
    this.checked = checked;
    this.state = run.state();
  }

  RunReport runAll() {
    TaskExecutor executor = new TaskExecutor(run);
    String integrationStart =
        timed("foundation", start -> start == null ? "FAILED" : "DONE", () -> foundation(executor));
    if (integrationStart != null) {
      List<Task> fanOut = run.plan().fanOutTasks();
      List<Task> toRun = fanOut.stream().filter(t -> !kept.contains(t.id())).toList();
      timed(
          "tasks",
          done -> done + " of " + fanOut.size() + " done",
          () -> {
            new TaskScheduler(
                    toRun,
                    jobs,
                    run.plan().failFast(),
                    run,
                    t -> executor.execute(t, integrationStart))
                .runAll();
            return state.tasks().stream()
                .filter(t -> !t.foundation() && t.status().isDone())
                .count();
          });
    }
    integrate(integrationStart);
    return finish();
  }

  /** Runs the foundation tasks one after another; returns the integration start, or null. */
  private String foundation(TaskExecutor executor) {
    String head = checked.baseCommit();
    for (Task task : run.plan().foundationTasks()) {
      if (run.runner().isCancelled()) {
        skipRest("the run was cancelled", TaskStatus.CANCELLED);
        return null;
      }
      TaskReport report;
      if (kept.contains(task.id())) {
        report = state.task(task.id());
      } else {
        report = executor.execute(task, head);
        state.task(report);
      }
      if (!report.status().isDone()) {
        boolean cancelled = report.status() == TaskStatus.CANCELLED;
        skipRest(
            "foundation task '"
                + task.id()
                + "' "
                + (cancelled ? "was cancelled" : "did not succeed"),
            cancelled ? TaskStatus.CANCELLED : TaskStatus.SKIPPED);
        return null;
      }
      head = report.commit();
    }
    return head;
  }

  private void skipRest(String reason, TaskStatus status) {
    for (TaskReport task : state.tasks()) {
      if (!task.status().isFinal()) {
        state.task(task.notRun(status, reason));
      }
    }
  }

  private void integrate(String integrationStart) {
    List<TaskReport> tasks = state.tasks();
    TaskReport failed = tasks.stream().filter(t -> !t.status().isDone()).findFirst().orElse(null);
    if (failed != null || integrationStart == null) {
      String why =
          failed == null
              ? "the foundation did not succeed"
              : "task '" + failed.id() + "' " + failed.status();
      skipIntegration(why);
      return;
    }
    try {
      mergeTestPublish(integrationStart);
    } catch (RuntimeException e) {
      // A git failure here is the run's outcome, reported like any other, not a crash.
      String why = e instanceof GitException ? e.getMessage() : "internal error: " + e;
      MergeReport merge = state.merge();
      if (merge.status() == MergeStatus.PENDING) {
        state.merge(withStatus(merge, MergeStatus.FAILED, why));
        state.test(skippedTest("the merge did not complete"));
        state.publish(skippedPublish("the merge did not complete"));
      } else if (state.test().status() == TestStatus.PENDING) {
        state.test(new TestReport(state.test().command(), TestStatus.FAILED, null, 0, why));
        state.publish(skippedPublish("the tests did not run"));
      } else {
        state.publish(
            new PublishReport(
                run.plan().publish().remote(),
                run.plan().target(),
                null,
                PublishStatus.FAILED,
                why));
      }
    }
  }

  private void mergeTestPublish(String integrationStart) {
    IntegrationPhases phases = new IntegrationPhases(run);
    List<String> order = TaskGraph.of(run.plan().tasks()).topologicalOrder();
    List<TaskBranch> branches = phases.branches(order, integrationStart);
    if (cancelled()) {
      skipIntegration(CANCELLED);
      return;
    }
    state.predicted(
        timed(
            "prediction",
            found -> found.size() + " predicted conflicts",
            () -> phases.predict(branches, integrationStart)));
    if (cancelled()) {
      skipIntegration(CANCELLED);
      return;
    }
    MergeReport merge =
        timed("merge", m -> m.status().name(), () -> phases.merge(branches, integrationStart));
    state.merge(merge);
    if (merge.status() != MergeStatus.MERGED && merge.status() != MergeStatus.RESOLVED) {
      state.test(skippedTest("the merge did not complete"));
      state.publish(skippedPublish("the merge did not complete"));
      return;
    }
    if (cancelled()) {
      state.test(skippedTest(CANCELLED));
      state.publish(skippedPublish(CANCELLED));
      return;
    }
    if (run.plan().test() != null) {
      TestReport test = timed("test", t -> t.status().name(), phases::test);
      state.test(test);
      if (test.status() != TestStatus.PASSED) {
        state.publish(
            skippedPublish("the tests did not pass; nothing is published from a red test"));
        return;
      }
    } else {
      state.test(new TestReport(null, TestStatus.SKIPPED, null, 0, "the plan has no test command"));
    }
    if (cancelled()) {
      state.publish(skippedPublish(CANCELLED));
      return;
    }
    // The combined test ran code the agents wrote, outside any sandbox: it is checked like them.
    Optional<String> changed = run.userRepository().changed(run.git(), run.repository());
    if (changed.isPresent()) {
      state.publish(
          new PublishReport(
              run.plan().publish().remote(),
              run.plan().target(),
              null,
              PublishStatus.REJECTED,
              "nothing was published: " + changed.get()));
      return;
    }
    PublishReport publish =
        timed(
            "publish",
            p -> p.status().name(),
            () -> phases.publish(merge.commit(), checked.publishTarget(), checked.publications()));
    state.publish(publish);
  }

  private boolean cancelled() {
    return run.runner().isCancelled();
  }

  private static MergeReport withStatus(MergeReport merge, MergeStatus status, String reason) {
    return new MergeReport(
        merge.strategy(),
        status,
        merge.order(),
        merge.commit(),
        merge.branch(),
        merge.conflicts(),
        merge.durationMs(),
        reason);
  }

  private void skipIntegration(String why) {
    state.merge(
        new MergeReport(
            run.plan().merge().strategy(),
            MergeStatus.SKIPPED,
            List.of(),
            null,
            null,
            List.of(),
            0,
            why));
    state.test(skippedTest(why));
    state.publish(skippedPublish(why));
  }

  private TestReport skippedTest(String why) {
    String command = run.plan().test() == null ? null : run.plan().test().command().display();
    return new TestReport(command, TestStatus.SKIPPED, null, 0, why);
  }

  private PublishReport skippedPublish(String why) {
    return new PublishReport(
        run.plan().publish().remote(), run.plan().target(), null, PublishStatus.SKIPPED, why);
  }

  private RunReport finish() {
    long t0 = System.nanoTime();
    state.criticalPath(CriticalPath.of(run.plan(), state.tasks()));
    String reason =
        RunOutcome.firstReason(state.tasks(), state.merge(), state.test(), state.publish());
    state.finish(reason == null ? RunStatus.SUCCEEDED : RunStatus.FAILED, reason, Instant.now());
    state.writeAll();
    // The report phase is known only once every format is written; report.json gets it after.
    state.phase("report", ms(t0));
    state.save();
    RunReport report = state.snapshot();
    run.listener().runFinished(report);
    return report;
  }

  /** Runs a phase, records its wall time, and tells the listener its start and outcome. */
  private <T> T timed(String phase, Function<T, String> outcome, Supplier<T> work) {
    run.listener().phaseStarted(phase);
    long t0 = System.nanoTime();
    T result = work.get();
    state.phase(phase, ms(t0));
    run.listener().phaseFinished(phase, outcome.apply(result));
    return result;
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
