package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.merge.BranchMerger;
import io.jenkins.plugins.parallelagents.merge.ConflictPredictor;
import io.jenkins.plugins.parallelagents.merge.MergeOutcome;
import io.jenkins.plugins.parallelagents.merge.Publisher;
import io.jenkins.plugins.parallelagents.merge.TaskBranch;
import io.jenkins.plugins.parallelagents.merge.TaskBranches;
import io.jenkins.plugins.parallelagents.report.MergeReport;
import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.TestReport;
import java.nio.file.Path;
import java.util.List;

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

  List<PredictedConflict> predict(List<TaskBranch> branches) {
    return new ConflictPredictor(run.git()).predict(run.repository(), branches);
  }

  MergeReport merge(List<TaskBranch> branches, String integrationStart) {
    long t0 = System.nanoTime();
    Path worktree = run.worktrees().resolve("_integration");
    String branch = run.branches().integration();
    run.git().addWorktree(run.repository(), worktree, branch, integrationStart);
    MergeOutcome outcome =
        new BranchMerger(run.git())
            .merge(
                worktree,
                branches,
                run.plan().merge(),
                new ResolverAgent(
                    run.plan(),
                    run.runId(),
                    run.directory(),
                    branch,
                    run.git(),
                    run.runner(),
                    run.commandEnvironment(),
                    line -> run.listener().output("merge", "resolver", line)));
    List<String> order = branches.stream().map(TaskBranch::taskId).toList();
    return new MergeReport(
        run.plan().merge().strategy(),
        outcome.status(),
        order,
        outcome.commit(),
        branch,
        outcome.conflicts(),
        ms(t0),
        outcome.reason());
  }

  TestReport test() {
    Path worktree = run.worktrees().resolve("_integration");
    return TestPhase.run(
        run.runner(),
        run.plan().test(),
        worktree,
        run.commandEnvironment(),
        run.directory().phaseLog("test"),
        line -> run.listener().output("test", "test", line));
  }

  PublishReport publish(String commit, String targetAtStart) {
    return new Publisher(run.git(), new Git(run.runner(), run.commandEnvironment()))
        .publish(
            run.repository(), run.plan().target(), commit, targetAtStart, run.plan().publish());
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
