package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.database.DatabaseException;
import io.jenkins.plugins.parallelagents.git.GitException;
import io.jenkins.plugins.parallelagents.graph.TaskGraph;
import io.jenkins.plugins.parallelagents.merge.MergeOutcome;
import io.jenkins.plugins.parallelagents.merge.TaskBranch;
import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.MergeReport;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.SetAside;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.report.TestReport;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.train.TestAndEject;
import io.jenkins.plugins.parallelagents.train.TrainReports;
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
            try (LivePrediction live = new LivePrediction(run, integrationStart)) {
              new TaskScheduler(
                      toRun,
                      jobs,
                      run.plan().failFast(),
                      run,
                      t -> live.taskFinished(executor.execute(t, integrationStart)))
                  .runAll();
            }
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
    try {
      run.databases()
          .prepareFoundation(
              run.plan().foundationTasks().stream().anyMatch(t -> kept.contains(t.id())));
    } catch (DatabaseException e) {
      skipRest(e.getMessage(), TaskStatus.SKIPPED);
      return null;
    }
    for (Task task : run.plan().foundationTasks()) {
      if (run.runner().isCancelled()) {
        skipRest("the run was cancelled", TaskStatus.CANCELLED);
        return null;
      }
      String budgetSpent = state.budgetSpent().orElse(null);
      if (budgetSpent != null && !kept.contains(task.id())) {
        skipRest("not started: " + budgetSpent, TaskStatus.SKIPPED);
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
    try {
      run.databases().snapshotFoundation();
    } catch (DatabaseException e) {
      skipRest(e.getMessage(), TaskStatus.SKIPPED);
      return null;
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
    String why = null;
    if (integrationStart == null) {
      why = "the foundation did not succeed";
    } else if (failed != null && run.plan().failFast()) {
      why = "failFast: task '" + failed.id() + "' " + failed.status();
    } else if (cancelled()) {
      why = CANCELLED;
    } else if (failed != null
        && tasks.stream().noneMatch(t -> !t.foundation() && t.status().isDone())) {
      why = "no task succeeded; task '" + failed.id() + "' " + failed.status();
    }
    if (why != null) {
      skipIntegration(why);
      return;
    }
    try {
      mergeTestPublish(integrationStart);
    } catch (RuntimeException e) {
      // A git failure here is the run's outcome, reported like any other, not a crash.
      String reason = e instanceof GitException ? e.getMessage() : "internal error: " + e;
      MergeReport merge = state.merge();
      if (merge.status() == MergeStatus.PENDING) {
        state.merge(merge.withStatus(MergeStatus.FAILED, reason));
        state.test(skippedTest("the merge did not complete"));
        state.publish(skippedPublish("the merge did not complete"));
      } else if (state.test().status() == TestStatus.PENDING) {
        state.test(new TestReport(state.test().command(), TestStatus.FAILED, null, 0, reason));
        state.publish(skippedPublish("the tests did not run"));
      } else {
        state.publish(
            new PublishReport(
                run.plan().publish().remote(),
                run.plan().target(),
                null,
                PublishStatus.FAILED,
                reason));
      }
    }
  }

  private void mergeTestPublish(String integrationStart) {
    IntegrationPhases phases = new IntegrationPhases(run);
    List<String> order = TaskGraph.of(run.plan().tasks()).topologicalOrder();
    List<TaskBranch> branches = phases.branches(order, integrationStart);
    state.predicted(
        timed(
            "prediction",
            found -> found.size() + " predicted conflicts",
            () -> phases.predict(branches, integrationStart)));
    if (cancelled()) {
      skipIntegration(CANCELLED);
      return;
    }
    List<SetAside> aside = TrainReports.notSucceeded(order.stream().map(state::task).toList());
    long t0 = System.nanoTime();
    MergeOutcome outcome =
        timed(
            "merge",
            RunPhases::mergeOutcome,
            () -> phases.merge(branches, integrationStart, aside));
    String branch = run.branches().integration();
    MergeStrategy strategy = run.plan().merge().strategy();
    state.merge(TrainReports.merge(strategy, outcome, branches, branch, ms(t0)));
    if (!outcome.status().hasCombination() || outcome.commit() == null) {
      state.test(skippedTest("the merge did not combine any task"));
      state.publish(skippedPublish("the merge did not combine any task"));
      return;
    }
    if (cancelled()) {
      state.test(skippedTest(CANCELLED));
      state.publish(skippedPublish(CANCELLED));
      return;
    }
    String commit = outcome.commit();
    if (run.plan().test() != null) {
      long mergeMs = state.merge().durationMs();
      TestAndEject.Tested tested =
          timed(
              "test",
              t -> testOutcome(t.test()),
              () -> phases.test(branches, integrationStart, outcome));
      state.merge(TrainReports.merge(strategy, tested.merge(), branches, branch, mergeMs));
      state.test(tested.test());
      if (tested.test().status() != TestStatus.PASSED) {
        state.publish(
            skippedPublish("the tests did not pass; nothing is published from a red test"));
        return;
      }
      commit = tested.merge().commit();
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
    String published = commit;
    PublishReport publish =
        timed(
            "publish",
            p -> p.status().name(),
            () -> phases.publish(published, checked.publishTarget(), checked.publications()));
    state.publish(publish);
  }

  private boolean cancelled() {
    return run.runner().isCancelled();
  }

  private void skipIntegration(String why) {
    state.merge(MergeReport.empty(run.plan().merge().strategy(), MergeStatus.SKIPPED, why));
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
    RunOutcome.Verdict verdict =
        RunOutcome.of(state.tasks(), state.merge(), state.test(), state.publish());
    state.finish(verdict.status(), verdict.reason(), Instant.now());
    state.writeAll();
    // The report phase is known only once every format is written; report.json gets it after.
    state.phase("report", ms(t0));
    state.save();
    RunReport report = state.snapshot();
    run.listener().runFinished(report);
    return report;
  }

  /** The merge's outcome in a phase line: {@code PARTIAL: 3 combined, 1 set aside}. */
  private static String mergeOutcome(MergeOutcome merge) {
    return merge.setAside().isEmpty()
        ? merge.status().name()
        : merge.status().name()
            + ": "
            + merge.merged().size()
            + " combined, "
            + merge.setAside().size()
            + " set aside";
  }

  /** The test's outcome in a phase line: {@code PASSED without 'x'} after an ejection. */
  private static String testOutcome(TestReport test) {
    return test.status() == TestStatus.PASSED && test.reason() != null
        ? "PASSED " + test.reason().replaceFirst("^passed ", "")
        : test.status().name();
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
