package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.BudgetReport;
import io.jenkins.plugins.parallelagents.report.MergeReport;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.ReportWriter;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.report.RunInfo;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TestReport;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.report.Timing;
import io.jenkins.plugins.parallelagents.usage.Spend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The run's report as it grows. Every change is written to {@code report.json} before listeners
 * hear of it, so that a killed run leaves its state on disk.
 */
final class RunState {

  private final Plan plan;
  private final RunDirectory directory;
  private final RunListener listener;
  private final ReportWriter writer;
  private final Map<String, TaskReport> tasks = new LinkedHashMap<>();
  private final Map<String, Long> phases = new LinkedHashMap<>();
  private final Map<String, Long> taskSteps = new TreeMap<>(Timing.TASK_STEP_ORDER);
  private RunInfo run;
  private List<PredictedConflict> predicted = List.of();
  private MergeReport merge;
  private TestReport test;
  private PublishReport publish;
  private long criticalPathMs;
  private BudgetReport budget;

  /** What the attempts of running tasks spent, until their task's report holds it. */
  private final Map<String, Spend> runningSpend = new LinkedHashMap<>();

  /**
   * @param redaction masks secrets in every report written
   */
  RunState(
      Plan plan,
      RunInfo run,
      RunDirectory directory,
      RunListener listener,
      UnaryOperator<String> redaction) {
    this.writer = new ReportWriter(redaction);
    this.plan = plan;
    this.run = run;
    this.directory = directory;
    this.listener = listener;
    for (Task task : plan.tasks()) {
      tasks.put(
          task.id(), TaskReport.pending(task.id(), task.title(), task.foundation(), task.needs()));
    }
    merge = MergeReport.empty(plan.merge().strategy(), MergeStatus.PENDING, null);
    test =
        new TestReport(
            plan.test() == null ? null : plan.test().command().display(),
            TestStatus.PENDING,
            null,
            0,
            null);
    publish =
        new PublishReport(
            plan.publish().remote(), plan.target(), null, PublishStatus.PENDING, null);
    budget =
        plan.budget() == null
            ? null
            : new BudgetReport(plan.budget().tokens(), plan.budget().costUsd(), null);
  }

  void task(TaskReport report) {
    synchronized (this) {
      tasks.put(report.id(), report);
      if (report.status().isFinal()) {
        runningSpend.remove(report.id());
      }
      save();
    }
    listener.taskChanged(report);
  }

  synchronized TaskReport task(String id) {
    return tasks.get(id);
  }

  synchronized List<TaskReport> tasks() {
    return new ArrayList<>(tasks.values());
  }

  synchronized void predicted(List<PredictedConflict> conflicts) {
    predicted = List.copyOf(conflicts);
    save();
  }

  synchronized void merge(MergeReport report) {
    merge = report;
    save();
  }

  synchronized void test(TestReport report) {
    test = report;
    save();
  }

  synchronized void publish(PublishReport report) {
    publish = report;
    save();
  }

  synchronized void phase(String name, long ms) {
    phases.merge(name, ms, Long::sum);
  }

  /** Adds to the time all tasks together spent in one step (worktrees, setup, agent, ...). */
  synchronized void taskStep(String name, long ms) {
    taskSteps.merge(name, ms, Long::sum);
  }

  /** Counts what an attempt of a running task spent, as soon as its agent has finished. */
  synchronized void attemptSpent(String taskId, Spend spend) {
    runningSpend.merge(taskId, spend, Spend::plus);
  }

  /** What every attempt so far spent: finished tasks' and running ones'. */
  synchronized Spend spent() {
    List<Spend> all = new ArrayList<>(runningSpend.values());
    tasks.values().forEach(t -> all.add(t.usage()));
    return Spend.sum(all);
  }

  /**
   * Why no more tasks or attempts may start, once the plan's budget is spent (recorded in the
   * report the first time); empty while it lasts or when the plan has none.
   */
  synchronized Optional<String> budgetSpent() {
    if (budget == null) {
      return Optional.empty();
    }
    if (budget.spent() != null) {
      return Optional.of(budget.spent());
    }
    Optional<String> why = BudgetCheck.spent(plan.budget(), spent());
    why.ifPresent(
        reason -> {
          budget = budget.spent(reason);
          save();
        });
    return why;
  }

  synchronized void criticalPath(long ms) {
    criticalPathMs = ms;
  }

  /** Marks the run finished with its status and first reason. */
  synchronized void finish(RunStatus status, String reason, Instant finishedAt) {
    run =
        new RunInfo(
            run.id(),
            run.name(),
            status,
            reason,
            run.base(),
            run.target(),
            run.startedAt(),
            finishedAt,
            run.directory(),
            run.owner());
  }

  synchronized RunReport snapshot() {
    Instant end = run.finishedAt() == null ? Instant.now() : run.finishedAt();
    long makespan = end.toEpochMilli() - run.startedAt().toEpochMilli();
    return new RunReport(
        RunReport.SCHEMA,
        run,
        new ArrayList<>(tasks.values()),
        predicted,
        merge,
        test,
        publish,
        new Timing(makespan, criticalPathMs, phases, taskSteps),
        budget);
  }

  synchronized MergeReport merge() {
    return merge;
  }

  synchronized TestReport test() {
    return test;
  }

  synchronized PublishReport publish() {
    return publish;
  }

  /** Writes every report format; the run is over. */
  synchronized void writeAll() {
    try {
      writer.writeAll(snapshot(), directory.root());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the reports in " + directory.root(), e);
    }
  }

  synchronized void save() {
    try {
      writer.writeJson(snapshot(), directory.root());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + directory.reportJson(), e);
    }
  }
}
