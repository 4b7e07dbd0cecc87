package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.agent.AgentCommands;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.merge.BranchMerger;
import io.jenkins.plugins.parallelagents.merge.ConflictPredictor;
import io.jenkins.plugins.parallelagents.merge.MergeOutcome;
import io.jenkins.plugins.parallelagents.merge.Publisher;
import io.jenkins.plugins.parallelagents.merge.TaskBranch;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.TestSettings;
import io.jenkins.plugins.parallelagents.process.CommandRequest;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.report.MergeReport;
import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TestReport;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import java.nio.file.Path;
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
    return order.stream()
        .map(id -> run.state().task(id))
        .filter(t -> !t.foundation() && t.commit() != null)
        .map(
            t ->
                new TaskBranch(
                    t.id(),
                    t.title(),
                    t.branch(),
                    t.commit(),
                    upstream(t, integrationStart),
                    t.changedFiles()))
        .toList();
  }

  private List<String> upstream(TaskReport task, String integrationStart) {
    List<String> upstream = new java.util.ArrayList<>(List.of(integrationStart));
    for (String need : task.needs()) {
      String commit = run.state().task(need).commit();
      if (commit != null) {
        upstream.add(commit);
      }
    }
    return upstream;
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
            .merge(worktree, branches, run.plan().merge(), new ResolverAgent(run));
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
    Plan plan = run.plan();
    TestSettings settings = plan.test();
    CommandResult result =
        run.runner()
            .run(
                CommandRequest.logged(
                    run.worktrees().resolve("_integration"),
                    AgentCommands.argv(
                        settings.command(),
                        Map.of("worktree", run.worktrees().resolve("_integration").toString())),
                    run.commandEnvironment(),
                    settings.timeout(),
                    run.directory().phaseLog("test"),
                    line -> run.listener().output("test", "test", line)));
    TestStatus status =
        result.ok()
            ? TestStatus.PASSED
            : result.timedOut() ? TestStatus.TIMED_OUT : TestStatus.FAILED;
    Integer exit = result.failureToStart() != null ? null : result.exitCode();
    return new TestReport(
        settings.command().display(),
        status,
        exit,
        result.durationMs(),
        result.ok() ? null : result.describeFailure("the test command"));
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
