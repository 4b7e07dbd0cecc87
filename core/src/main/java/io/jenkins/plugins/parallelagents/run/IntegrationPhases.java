package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.RepositoryLock;
import io.jenkins.plugins.parallelagents.git.TouchedPaths;
import io.jenkins.plugins.parallelagents.lifecycle.Publications;
import io.jenkins.plugins.parallelagents.merge.CombinedTree;
import io.jenkins.plugins.parallelagents.merge.ConflictPredictor;
import io.jenkins.plugins.parallelagents.merge.MergeOutcome;
import io.jenkins.plugins.parallelagents.merge.PublishTarget;
import io.jenkins.plugins.parallelagents.merge.Publisher;
import io.jenkins.plugins.parallelagents.merge.TaskBranch;
import io.jenkins.plugins.parallelagents.merge.TaskBranches;
import io.jenkins.plugins.parallelagents.merge.TreeMerger;
import io.jenkins.plugins.parallelagents.plan.ConflictPolicy;
import io.jenkins.plugins.parallelagents.plan.MergeSettings;
import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import io.jenkins.plugins.parallelagents.report.MergeReport;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TestReport;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The phases after the tasks: conflict prediction, merge, test, publish. */
final class IntegrationPhases {

  private final RunContext run;

  IntegrationPhases(RunContext run) {
    this.run = run;
  }

  /** Task branches with work to merge, in topological order (plan order among equals). */
  List<TaskBranch> branches(List<String> order, String integrationStart) {
    return TaskBranches.inMergeOrder(order, run.state()::task, integrationStart);
  }

  List<PredictedConflict> predict(List<TaskBranch> branches, String integrationStart) {
    Map<String, TouchedPaths> touched = new HashMap<>();
    return new ConflictPredictor(run.git(), Runtime.getRuntime().availableProcessors())
        .predict(
            run.repository(),
            branches,
            b -> touched(run.state().task(b.taskId()), integrationStart, touched));
  }

  /**
   * What a task's branch changed since the integration start, with what its needs changed: a task
   * that undid a change of its dependency shows no difference of its own on that file, yet merges
   * against it.
   */
  private TouchedPaths touched(
      TaskReport task, String integrationStart, Map<String, TouchedPaths> known) {
    TouchedPaths done = known.get(task.id());
    if (done != null) {
      return done;
    }
    TouchedPaths own = run.history().touchedPaths(integrationStart, task.commit());
    Set<String> paths = new HashSet<>(own.paths());
    boolean deletes = own.deletes();
    for (String need : task.needs()) {
      TaskReport dependency = run.state().task(need);
      if (!dependency.foundation() && dependency.commit() != null) {
        TouchedPaths theirs = touched(dependency, integrationStart, known);
        paths.addAll(theirs.paths());
        deletes |= theirs.deletes();
      }
    }
    TouchedPaths all = new TouchedPaths(paths, deletes);
    known.put(task.id(), all);
    return all;
  }

  MergeReport merge(List<TaskBranch> branches, String integrationStart) {
    long t0 = System.nanoTime();
    String branch = run.branches().integration();
    MergeSettings settings = run.plan().merge();
    MergeOutcome outcome;
    if (settings.strategy() == MergeStrategy.MERGE
        && settings.onConflict() == ConflictPolicy.FAIL) {
      // Merge commits need no worktree; one is checked out only for the test command to run in.
      outcome = new TreeMerger(run.git()).merge(run.repository(), integrationStart, branches);
      run.setUserBranch(branch, outcome.commit());
      if (run.plan().test() != null && outcome.status() == MergeStatus.MERGED) {
        run.trees().create(integrationWorktree(), branch, outcome.commit());
      }
    } else {
      // The combined tree is a repository of its own: the resolver is an agent too.
      CombinedTree combined = new CombinedTree(run.trees(), integrationWorktree(), branch);
      outcome =
          combined.merge(
              run.git(),
              integrationStart,
              branches,
              settings,
              new ResolverAgent(
                  run.plan(),
                  run.runId(),
                  run.directory(),
                  branch,
                  run.git(),
                  run.runner(),
                  run.commandEnvironment(),
                  line -> run.listener().output("merge", "resolver", line),
                  run.trees(),
                  run.redactor()));
      if (run.plan().test() != null && outcome.commit() != null && outcome.status().isMerged()) {
        combined.checkOut(outcome.commit());
      }
    }
    List<String> order = branches.stream().map(TaskBranch::taskId).toList();
    return new MergeReport(
        settings.strategy(),
        outcome.status(),
        order,
        outcome.commit(),
        branch,
        outcome.conflicts(),
        ms(t0),
        outcome.reason());
  }

  private Path integrationWorktree() {
    return run.worktrees().resolve("_integration");
  }

  TestReport test() {
    return TestPhase.run(
        run.runner(),
        run.plan().test(),
        integrationWorktree(),
        run.commandEnvironment(),
        run.directory().phaseLog("test"),
        line -> run.listener().output("test", "test", line));
  }

  PublishReport publish(String commit, PublishTarget seen, Publications publications) {
    // Held through the push and the local move: two runs publishing one target go one at a time.
    try (RepositoryLock.Held held = run.repositoryLock().acquire()) {
      return new Publisher(run.git(), new Git(run.runner(), run.commandEnvironment()), publications)
          .publish(
              run.repository(), commit, seen, run.plan().publish(), run.plan().name(), run.runId());
    }
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
