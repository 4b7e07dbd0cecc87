package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.RepositoryLock;
import io.jenkins.plugins.parallelagents.git.TouchedPaths;
import io.jenkins.plugins.parallelagents.lifecycle.Publications;
import io.jenkins.plugins.parallelagents.merge.CombinedTree;
import io.jenkins.plugins.parallelagents.merge.ConflictPredictor;
import io.jenkins.plugins.parallelagents.merge.ConflictRegenerator;
import io.jenkins.plugins.parallelagents.merge.MergeOutcome;
import io.jenkins.plugins.parallelagents.merge.PublishTarget;
import io.jenkins.plugins.parallelagents.merge.Publisher;
import io.jenkins.plugins.parallelagents.merge.TaskBranch;
import io.jenkins.plugins.parallelagents.merge.TaskBranches;
import io.jenkins.plugins.parallelagents.regenerate.Regenerators;
import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.SetAside;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.train.CombinedTestCommand;
import io.jenkins.plugins.parallelagents.train.MergeTrain;
import io.jenkins.plugins.parallelagents.train.TestAndEject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    return new ConflictPredictor(
            run.git(), Runtime.getRuntime().availableProcessors(), regenerator()::covers)
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
    return new TouchedByTask(run.history(), run.state()::task, integrationStart, known).of(task);
  }

  /** The merge train over {@code branches}: everything that merges, the rest set aside. */
  MergeOutcome merge(List<TaskBranch> branches, String integrationStart, List<SetAside> aside) {
    return train().merge(integrationStart, branches, aside);
  }

  /** Tests the train's outcome, ejecting what breaks the test when the plan says so. */
  TestAndEject.Tested test(
      List<TaskBranch> branches, String integrationStart, MergeOutcome merged) {
    CombinedTestCommand test =
        new CombinedTestCommand(
            run.runner(),
            run.plan().test(),
            run.commandEnvironment(),
            line -> run.listener().output("test", "test", line));
    test =
        test.withCache(run.cache())
            .withPorts(run.ports())
            .withFreshVariables(run.databases()::forTest)
            .withCarrier(run.carrier());
    return new TestAndEject(train(), test, run.directory()::phaseLog)
        .run(integrationStart, branches, merged);
  }

  private MergeTrain train() {
    String branch = run.branches().integration();
    return new MergeTrain(
        run.git(),
        run.repository(),
        new CombinedTree(run.trees(), integrationWorktree(), branch),
        run.plan().merge(),
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
            run.redactor()),
        regenerator(),
        commit -> run.setUserBranch(branch, commit));
  }

  /** Settles conflicts that only lockfiles, manifests and the plan's generated files have. */
  ConflictRegenerator regenerator() {
    return Regenerators.forPlan(
        run.plan(),
        run.git(),
        run.runner(),
        run.commandEnvironment(),
        run.directory().phaseLog("merge"),
        line -> run.listener().output("merge", "regenerate", line));
  }

  private Path integrationWorktree() {
    return run.worktrees().resolve("_integration");
  }

  PublishReport publish(String commit, PublishTarget seen, Publications publications) {
    // Held through the push and the local move: two runs publishing one target go one at a time.
    try (RepositoryLock.Held held = run.repositoryLock().acquire()) {
      return new Publisher(run.git(), new Git(run.runner(), run.commandEnvironment()), publications)
          .publish(
              run.repository(), commit, seen, run.plan().publish(), run.plan().name(), run.runId());
    }
  }
}
