package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.carry.Carrier;
import io.jenkins.plugins.parallelagents.database.DatabaseException;
import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.TaskRepositories;
import io.jenkins.plugins.parallelagents.graph.TaskGraph;
import io.jenkins.plugins.parallelagents.guard.DiffGuard;
import io.jenkins.plugins.parallelagents.guard.Finding;
import io.jenkins.plugins.parallelagents.merge.CombinedTree;
import io.jenkins.plugins.parallelagents.merge.ConflictPredictor;
import io.jenkins.plugins.parallelagents.merge.ConflictRegenerator;
import io.jenkins.plugins.parallelagents.merge.MergeOutcome;
import io.jenkins.plugins.parallelagents.merge.PublishTarget;
import io.jenkins.plugins.parallelagents.merge.Publisher;
import io.jenkins.plugins.parallelagents.merge.TaskBranch;
import io.jenkins.plugins.parallelagents.merge.TaskBranches;
import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.ports.PortAllocator;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import io.jenkins.plugins.parallelagents.regenerate.Regenerators;
import io.jenkins.plugins.parallelagents.report.MergeReport;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TestReport;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.run.ResolverAgent;
import io.jenkins.plugins.parallelagents.secrets.Redactor;
import io.jenkins.plugins.parallelagents.train.CombinedTestCommand;
import io.jenkins.plugins.parallelagents.train.MergeTrain;
import io.jenkins.plugins.parallelagents.train.TestAndEject;
import io.jenkins.plugins.parallelagents.train.TrainReports;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The merge node's part: takes every task's hand-off, predicts conflicts, merges the branches with
 * the plan's strategy onto the integration branch, runs the plan's test command there and writes
 * the run's reports. Publishing is left to the host (it holds the credentials); until then the
 * report says the run is still {@code RUNNING} with publish {@code PENDING}.
 */
public final class NodeMerge {

  private final NodeRun run;
  private final Git git;
  private final CommandRunner runner;
  private final Path top;
  private final Map<String, String> environment;
  private final TaskRepositories trees;
  private final Redactor redactor;

  /**
   * @param environment the host's environment on this node, passed to git and the test command
   */
  public NodeMerge(NodeRun run, CommandRunner runner, Map<String, String> environment)
      throws EnvironmentException {
    this.run = run;
    NodeCheckout checkout = NodeCheckout.open(run, runner, environment);
    this.top = checkout.top();
    this.git = checkout.git();
    this.environment = checkout.environment();
    this.trees = checkout.trees();
    this.redactor = checkout.redactor();
    this.runner = new MaskingRunner(runner, redactor);
  }

  /**
   * Merges and tests what the tasks handed off and writes the reports. With {@code
   * environment.database}, each run of the test gets a fresh copy of the template, and at the end
   * every database of the run is dropped: this is the run's last step that uses them.
   *
   * @param output receives the output of the resolver and test commands, line by line
   */
  public RunReport mergeAndTest(Consumer<String> output) {
    return mergeAndTest(output, Map.of());
  }

  /**
   * As {@link #mergeAndTest(Consumer)}, with the host's record of tasks that ended without a
   * hand-off: an aborted task is reported CANCELLED with the host's reason, not as missing.
   */
  public RunReport mergeAndTest(Consumer<String> output, Map<String, TaskEnd> endedOnHost) {
    NodeDatabases databases;
    try {
      databases = NodeDatabases.open(run, runner, environment, top);
    } catch (DatabaseException e) {
      return mergeAndTest(
          output,
          () -> {
            throw e;
          },
          endedOnHost);
    }
    try {
      return mergeAndTest(output, databases::forTest, endedOnHost);
    } finally {
      dropAll(databases, output);
    }
  }

  /**
   * Writes the reports of a run stopped before its merge (the build was aborted): every task as it
   * was handed off or as the host saw it end, merge, test and publish skipped for {@code why}. The
   * run's databases are dropped, as after a merge.
   */
  public RunReport reportStopped(
      String why, Map<String, TaskEnd> endedOnHost, Consumer<String> output) {
    try {
      dropAll(NodeDatabases.open(run, runner, environment, top), output);
    } catch (DatabaseException e) {
      output.accept("could not drop the run's databases: " + redactor.redact(e.getMessage()));
    }
    Map<String, TaskReport> tasks = received(endedOnHost);
    return new RunReports(run, redactor)
        .write(tasks, List.of(), skipped(why), new LinkedHashMap<>());
  }

  /** Every task of the plan: its hand-off, or what stands in for a missing one. */
  private Map<String, TaskReport> received(Map<String, TaskEnd> endedOnHost) {
    Map<String, TaskReport> received = guarded(run.handoff().receive(git, top));
    MissingHandoffs missing = new MissingHandoffs(run.plan(), received, endedOnHost);
    Map<String, TaskReport> tasks = new LinkedHashMap<>();
    for (Task task : run.plan().tasks()) {
      tasks.put(task.id(), received.getOrDefault(task.id(), missing.of(task)));
    }
    return tasks;
  }

  private void dropAll(NodeDatabases databases, Consumer<String> output) {
    if (!databases.enabled()) {
      return;
    }
    try {
      output.accept("dropped the run's databases: " + String.join(", ", databases.dropAll()));
    } catch (DatabaseException e) {
      output.accept("could not drop the run's databases: " + redactor.redact(e.getMessage()));
    }
  }

  /**
   * A hand-off is written where the task's agent ran, and its processes may have outlived the
   * steps: the work of every task a hand-off says is done gets the plan's guard again here, on the
   * commit that would be merged, as if its node had never checked it.
   */
  private Map<String, TaskReport> guarded(Map<String, TaskReport> received) {
    String base = run.start().baseCommit();
    Map<String, TaskReport> checked = new LinkedHashMap<>();
    for (TaskReport task : received.values()) {
      if (task.status().isDone() && task.commit() != null && !task.commit().equals(base)) {
        List<Finding> findings =
            DiffGuard.check(git, top, base, task.commit(), run.plan().guard(), redactor);
        if (!findings.isEmpty()) {
          task =
              task.failed(
                  "its hand-off says it is done, but its work fails the guard: "
                      + DiffGuard.reason(findings),
                  Instant.now());
        }
      }
      checked.put(task.id(), task);
    }
    return checked;
  }

  private RunReport mergeAndTest(
      Consumer<String> output,
      Callable<Map<String, String>> testDatabase,
      Map<String, TaskEnd> endedOnHost) {
    Plan plan = run.plan();
    Map<String, TaskReport> tasks = received(endedOnHost);
    Map<String, Long> phases = new LinkedHashMap<>();
    RunReports reports = new RunReports(run, redactor);
    String blocker = blocker(tasks);
    if (blocker != null) {
      return reports.write(tasks, List.of(), skipped(blocker), phases);
    }
    String integrationStart = integrationStart(tasks);
    List<String> order = TaskGraph.of(plan.tasks()).topologicalOrder();
    List<TaskBranch> branches = TaskBranches.inMergeOrder(order, tasks::get, integrationStart);

    long t0 = System.nanoTime();
    List<PredictedConflict> predicted =
        new ConflictPredictor(git, 1, regenerator(output)::covers).predict(top, branches);
    phases.put("prediction", ms(t0));

    t0 = System.nanoTime();
    MergeTrain train = train(output);
    MergeOutcome outcome =
        train.merge(
            integrationStart,
            branches,
            TrainReports.notSucceeded(order.stream().map(tasks::get).toList()));
    long mergeMs = ms(t0);
    phases.put("merge", mergeMs);
    String branch = run.branches().integration();
    MergeStrategy strategy = plan.merge().strategy();
    MergeReport merge = TrainReports.merge(strategy, outcome, branches, branch, mergeMs);
    if (!outcome.status().hasCombination() || outcome.commit() == null) {
      String why = "the merge did not combine any task";
      return reports.write(
          tasks,
          predicted,
          new Integration(merge, skippedTest(plan, why), skippedPublish(why)),
          phases);
    }
    TestReport test;
    String commit = outcome.commit();
    if (plan.test() == null) {
      test = new TestReport(null, TestStatus.SKIPPED, null, 0, "the plan has no test command");
    } else {
      t0 = System.nanoTime();
      TestAndEject.Tested tested =
          new TestAndEject(
                  train,
                  new CombinedTestCommand(runner, plan.test(), environment, output)
                      .withCache(run.cache())
                      .withPorts(PortAllocator.forPlan(plan))
                      .withFreshVariables(testDatabase)
                      .withCarrier(new Carrier(git, top, plan.environment().carry())),
                  run.directory()::phaseLog)
              .run(integrationStart, branches, outcome);
      phases.put("test", ms(t0));
      merge = TrainReports.merge(strategy, tested.merge(), branches, branch, mergeMs);
      test = tested.test();
      commit = tested.merge().commit();
    }
    removeIntegrationWorktree();
    PublishReport publish =
        test.status() == TestStatus.PASSED || test.status() == TestStatus.SKIPPED
            ? pendingPublish(commit)
            : skippedPublish("the tests did not pass; nothing is published from a red test");
    return reports.write(tasks, predicted, new Integration(merge, test, publish), phases);
  }

  /**
   * Publishes to the local branch only, for a plan without {@code publish.remote}: never over a
   * branch that holds commits this result does not contain, unless the plan forces it.
   */
  public PublishReport publishLocally(PublishRequest request) {
    String current = git.resolveCommit(top, "refs/heads/" + request.branch()).orElse(null);
    return new Publisher(git, git)
        .publish(
            top,
            request.commit(),
            PublishTarget.local(request.branch(), current),
            new PublishSettings(null, request.force()),
            run.plan().name(),
            run.runId());
  }

  /**
   * The merge, test and publish parts of a report, as far as this node got.
   *
   * @param withheld whether the host chose not to publish (the publish is then {@code SKIPPED})
   */
  record Integration(MergeReport merge, TestReport test, PublishReport publish, boolean withheld) {

    Integration(MergeReport merge, TestReport test, PublishReport publish) {
      this(merge, test, publish, false);
    }
  }

  private MergeTrain train(Consumer<String> out) {
    String branch = run.branches().integration();
    ResolverAgent resolver =
        new ResolverAgent(
            run.plan(),
            run.runId(),
            run.directory(),
            branch,
            git,
            runner,
            environment,
            out,
            trees,
            redactor);
    return new MergeTrain(
        git,
        top,
        new CombinedTree(trees, run.worktree("_integration"), branch),
        run.plan().merge(),
        resolver,
        regenerator(out),
        commit -> git.setBranch(top, branch, commit));
  }

  private ConflictRegenerator regenerator(Consumer<String> out) {
    return Regenerators.forPlan(
        run.plan(), git, runner, environment, run.directory().phaseLog("merge"), out);
  }

  private void removeIntegrationWorktree() {
    TaskRepositories.delete(run.worktree("_integration"));
  }

  /**
   * Why there is nothing to merge, or {@code null}: a foundation task that did not succeed, or no
   * task after it that did. Any other failed task is set aside by the merge train.
   */
  private String blocker(Map<String, TaskReport> tasks) {
    for (Task foundation : run.plan().foundationTasks()) {
      TaskReport report = tasks.get(foundation.id());
      if (!report.status().isDone()) {
        return "foundation task '" + report.id() + "' " + report.status();
      }
    }
    TaskReport failed =
        tasks.values().stream().filter(t -> !t.status().isDone()).findFirst().orElse(null);
    if (failed != null && run.plan().failFast()) {
      return "failFast: task '" + failed.id() + "' " + failed.status();
    }
    boolean anyDone = tasks.values().stream().anyMatch(t -> !t.foundation() && t.status().isDone());
    return failed != null && !anyDone
        ? "no task succeeded; task '" + failed.id() + "' " + failed.status()
        : null;
  }

  private String integrationStart(Map<String, TaskReport> tasks) {
    String start = run.start().baseCommit();
    for (Task foundation : run.plan().foundationTasks()) {
      start = tasks.get(foundation.id()).commit();
    }
    return start;
  }

  private Integration skipped(String why) {
    Plan plan = run.plan();
    MergeReport merge = MergeReport.empty(plan.merge().strategy(), MergeStatus.SKIPPED, why);
    return new Integration(merge, skippedTest(plan, why), skippedPublish(why));
  }

  private static TestReport skippedTest(Plan plan, String why) {
    String command = plan.test() == null ? null : plan.test().command().display();
    return new TestReport(command, TestStatus.SKIPPED, null, 0, why);
  }

  private PublishReport skippedPublish(String why) {
    return new PublishReport(
        run.plan().publish().remote(), run.start().target(), null, PublishStatus.SKIPPED, why);
  }

  private PublishReport pendingPublish(String commit) {
    return new PublishReport(
        run.plan().publish().remote(), run.start().target(), commit, PublishStatus.PENDING, null);
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
