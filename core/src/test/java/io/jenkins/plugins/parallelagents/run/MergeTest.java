package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.plan.ConflictPolicy;
import io.jenkins.plugins.parallelagents.plan.MergeSettings;
import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import io.jenkins.plugins.parallelagents.report.MergeConflict;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.SetAside;
import io.jenkins.plugins.parallelagents.report.SetAsideCause;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergeTest extends EngineTestBase {

  @Override
  protected Map<String, String> initialFiles() {
    return Map.of("config.txt", "color=blue\n", "README.md", "app\n");
  }

  /** Two independent tasks, one of them with two commits, and one stacked on the first. */
  private Plans threeTasks(MergeStrategy strategy) {
    return new Plans()
        .task(
            "api",
            "echo a1 > a.txt && git add -A && git commit -qm 'api part 1' && echo a2 > a2.txt")
        .task("notify", "echo n > n.txt")
        .task("page", "test -f a.txt && echo p > p.txt", "api")
        .merge(new MergeSettings(strategy, ConflictPolicy.FAIL, null));
  }

  private List<String> subjects(RunReport report) {
    return List.of(
        git.git(repo, "log", "--format=%s", "main.." + report.merge().commit()).split("\n"));
  }

  private int parents(String commit) {
    return git.git(repo, "rev-list", "--parents", "-n", "1", commit).split(" ").length - 1;
  }

  @Test
  void mergeStrategy_makesAMergeCommitPerTask() throws Exception {
    RunReport report = engine.run(threeTasks(MergeStrategy.MERGE).build(), repo);

    assertThat(report.merge().status()).isEqualTo(MergeStatus.MERGED);
    assertThat(subjects(report))
        .filteredOn(s -> s.startsWith("Merge ") && s.endsWith("(agents)"))
        .extracting(s -> s.split(":")[0])
        .contains("Merge api", "Merge notify", "Merge page");
    assertThat(parents(report.merge().commit())).isEqualTo(2);
    assertThat(git.show(repo, report.merge().commit(), "p.txt")).isEqualTo("p");
  }

  @Test
  void squashStrategy_makesOneCommitPerTask_inALinearHistory() throws Exception {
    RunReport report = engine.run(threeTasks(MergeStrategy.SQUASH).build(), repo);

    assertThat(report.merge().status()).isEqualTo(MergeStatus.MERGED);
    assertThat(subjects(report))
        .containsExactly(
            "Task page (agents: page)", "Task notify (agents: notify)", "Task api (agents: api)");
    assertThat(git.git(repo, "rev-list", "--merges", "main.." + report.merge().commit())).isEmpty();
    for (String file : List.of("a.txt", "a2.txt", "n.txt", "p.txt")) {
      assertThat(git.show(repo, report.merge().commit(), file)).as(file).isNotNull();
    }
  }

  @Test
  void rebaseStrategy_replaysEachTaskCommit_inALinearHistory() throws Exception {
    RunReport report = engine.run(threeTasks(MergeStrategy.REBASE).build(), repo);

    assertThat(report.merge().status()).isEqualTo(MergeStatus.MERGED);
    assertThat(subjects(report))
        .containsExactly(
            "Task page (agents: page)",
            "Task notify (agents: notify)",
            "Task api (agents: api)",
            "api part 1");
    assertThat(git.git(repo, "rev-list", "--merges", "main.." + report.merge().commit())).isEmpty();
  }

  private Plans conflicting() {
    return new Plans()
        .task("api", "echo color=red > config.txt && echo a > a.txt")
        .task("page", "echo color=green > config.txt")
        .test("true");
  }

  @Test
  void conflict_isPredicted_thenSetsTheLaterTaskAside_namingTheFilesAndWhoTouchedThem()
      throws Exception {
    RunReport report = engine.run(conflicting().build(), repo);

    assertThat(report.predictedConflicts())
        .containsExactly(new PredictedConflict("api", "page", List.of("config.txt")));
    assertThat(report.merge().status()).isEqualTo(MergeStatus.PARTIAL);
    assertThat(report.merge().merged()).containsExactly("api");
    assertThat(report.merge().conflicts())
        .containsExactly(new MergeConflict("page", List.of("config.txt"), List.of("api")));
    assertThat(report.merge().setAside())
        .singleElement()
        .satisfies(
            aside -> {
              assertThat(aside.task()).isEqualTo("page");
              assertThat(aside.cause()).isEqualTo(SetAsideCause.CONFLICT);
              assertThat(aside.files()).containsExactly("config.txt");
              assertThat(aside.with()).containsExactly("api");
              assertThat(aside.reason())
                  .isEqualTo("merging 'page' conflicts in config.txt (also changed by api)");
            });
    assertThat(report.test().status()).isEqualTo(TestStatus.PASSED);
    assertThat(report.publish().status()).isEqualTo(PublishStatus.UPDATED);
    assertThat(report.run().status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(report.run().reason()).startsWith("published without 'page': merging 'page'");
    assertThat(git.show(repo, "agents/feature", "a.txt")).isEqualTo("a");
    assertThat(git.show(repo, "agents/feature", "config.txt"))
        .as("the published combination holds api's side only")
        .isEqualTo("color=red");
    assertThat(git.show(repo, report.task("page").orElseThrow().branch(), "config.txt"))
        .as("the task set aside keeps its work on its branch")
        .isEqualTo("color=green");
  }

  @Test
  void aConflict_doesNotStopTheTasksAfterIt_fromBeingMerged() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("api", "echo color=red > config.txt")
                .task("page", "echo color=green > config.txt")
                .task("docs", "echo d > docs.txt")
                .task("after-page", "echo x > x.txt", "page")
                .build(),
            repo);

    assertThat(report.merge().merged()).containsExactly("api", "docs");
    assertThat(report.merge().setAside())
        .extracting(SetAside::task, SetAside::cause)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("page", SetAsideCause.CONFLICT),
            org.assertj.core.groups.Tuple.tuple("after-page", SetAsideCause.NEEDS_SET_ASIDE));
    assertThat(report.merge().setAside().get(1).with()).containsExactly("page");
    assertThat(git.show(repo, "agents/feature", "docs.txt")).isEqualTo("d");
    assertThat(git.show(repo, "agents/feature", "x.txt"))
        .as("a task stacked on one set aside holds its work: it stays out too")
        .isNull();
    assertThat(report.run().status()).isEqualTo(RunStatus.PARTIAL);
  }

  @Test
  void mergeStrategy_withoutATestCommand_mergesWithoutCheckingOutTheResult() throws Exception {
    RunReport report = engine.run(threeTasks(MergeStrategy.MERGE).build(), repo);

    assertThat(report.merge().status()).isEqualTo(MergeStatus.MERGED);
    assertThat(git.git(repo, "rev-parse", report.merge().branch()))
        .isEqualTo(report.merge().commit());
    assertThat(git.git(repo, "worktree", "list")).doesNotContain("_integration");
    assertThat(git.show(repo, report.merge().commit(), "n.txt")).isEqualTo("n");
  }

  @Test
  void mergeStrategy_withATestCommand_testsACheckoutOfTheMergedResult() throws Exception {
    RunReport report =
        engine.run(
            threeTasks(MergeStrategy.MERGE)
                .test("test -f a.txt && test -f n.txt && test -f p.txt")
                .build(),
            repo);

    assertThat(report.test().status()).isEqualTo(TestStatus.PASSED);
    assertThat(report.publish().status()).isEqualTo(PublishStatus.UPDATED);
  }

  @Test
  void prediction_skipsPairsThatShareNoFile_andStillFindsTheOnesThatDo() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("one", "echo 1 > one.txt")
                .task("two", "echo 2 > two.txt")
                .task("green", "echo color=green > config.txt")
                .task("red", "echo color=red > config.txt")
                .build(),
            repo);

    assertThat(report.predictedConflicts())
        .containsExactly(new PredictedConflict("green", "red", List.of("config.txt")));
  }

  @Test
  void prediction_seesThroughATaskThatUndidItsDependencysChange() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("base", "echo color=green > config.txt")
                .task("undo", "echo color=blue > config.txt && echo u > u.txt", "base")
                .task("more", "echo color=green-and-red > config.txt", "base")
                .build(),
            repo);

    assertThat(report.predictedConflicts())
        .extracting(PredictedConflict::a, PredictedConflict::b)
        .contains(org.assertj.core.groups.Tuple.tuple("undo", "more"));
  }

  @Test
  void conflict_withResolve_runsTheResolverAgent() throws Exception {
    RunReport report =
        engine.run(
            conflicting()
                .agent(
                    "fixer",
                    CommandSpec.shell(
                        "test \"$AGENT_TASK_ID\" = page && grep -q config.txt \"$AGENT_PROMPT_FILE\""
                            + " && echo color=teal > config.txt"))
                .merge(new MergeSettings(MergeStrategy.MERGE, ConflictPolicy.RESOLVE, "fixer"))
                .build(),
            repo);

    assertThat(report.merge().status()).isEqualTo(MergeStatus.RESOLVED);
    assertThat(git.show(repo, report.merge().commit(), "config.txt")).isEqualTo("color=teal");
    assertThat(report.run().status()).isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void squashWithResolve_keepsTheTasksLaterCommits() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("api", "echo color=red > config.txt")
                .task(
                    "page",
                    "echo color=green > config.txt && git commit -qam 'page colour' && echo p > p.txt")
                .task("zzz", "echo z > z.txt")
                .agent("fixer", CommandSpec.shell("echo color=teal > config.txt"))
                .merge(new MergeSettings(MergeStrategy.SQUASH, ConflictPolicy.RESOLVE, "fixer"))
                .build(),
            repo);

    assertThat(report.merge().status()).as(report.merge().reason()).isEqualTo(MergeStatus.RESOLVED);
    String combined = report.merge().commit();
    assertThat(git.show(repo, combined, "config.txt")).isEqualTo("color=teal");
    assertThat(git.show(repo, combined, "p.txt")).isEqualTo("p");
    assertThat(git.show(repo, combined, "z.txt")).isEqualTo("z");
    assertThat(subjects(report))
        .containsExactly(
            "Task zzz (agents: zzz)", "Task page (agents: page)", "Task api (agents: api)");
  }

  @Test
  void resolverThatCommitsItself_isAccepted() throws Exception {
    RunReport report =
        engine.run(
            conflicting()
                .agent(
                    "fixer",
                    CommandSpec.shell(
                        "echo color=teal > config.txt && git add -A && git commit -q --no-edit"))
                .merge(new MergeSettings(MergeStrategy.MERGE, ConflictPolicy.RESOLVE, "fixer"))
                .build(),
            repo);

    assertThat(report.merge().status()).as(report.merge().reason()).isEqualTo(MergeStatus.RESOLVED);
    assertThat(git.show(repo, report.merge().commit(), "config.txt")).isEqualTo("color=teal");
  }

  @Test
  void resolverThatFails_isNamedInTheConflictReason() throws Exception {
    RunReport report =
        engine.run(
            conflicting()
                .agent("fixer", CommandSpec.shell("exit 3"))
                .merge(new MergeSettings(MergeStrategy.MERGE, ConflictPolicy.RESOLVE, "fixer"))
                .build(),
            repo);

    assertThat(report.merge().status()).isEqualTo(MergeStatus.PARTIAL);
    assertThat(report.merge().reason())
        .isEqualTo(
            "merging 'page' conflicts in config.txt (also changed by api);"
                + " the resolver did not settle it: resolver 'fixer' failed (exit 3)");
  }

  @Test
  void stackedTasks_startFromTheirNeedsWork_andTheirDiffIsTheirOwn() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("a", "echo a > a.txt")
                .task("b", "echo b > b.txt")
                .task("after-a", "test -f a.txt && echo x > x.txt", "a")
                .task("after-both", "test -f a.txt && test -f b.txt && echo y > y.txt", "a", "b")
                .build(),
            repo);

    assertThat(report.run().status()).as(report.run().reason()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(report.task("after-a").orElseThrow().changedFiles()).containsExactly("x.txt");
    assertThat(report.task("after-both").orElseThrow().changedFiles()).containsExactly("y.txt");
    assertThat(
            git.git(
                repo,
                "merge-base",
                "--is-ancestor",
                report.task("a").orElseThrow().commit(),
                report.task("after-a").orElseThrow().commit()))
        .isEmpty();
  }

  @Test
  void usersCommitHooks_doNotJudgeTheEnginesMerges() throws Exception {
    Path hook = repo.resolve(".git/hooks/commit-msg");
    Files.writeString(hook, "#!/bin/sh\necho rejected by policy >&2\nexit 1\n");
    hook.toFile().setExecutable(true);

    RunReport report =
        engine.run(
            new Plans()
                .task("a", "echo a > a.txt")
                .task("b", "echo b > b.txt")
                .task("c", "echo c > c.txt", "a", "b")
                .build(),
            repo);

    assertThat(report.run().status()).as(report.run().reason()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(report.merge().status()).isEqualTo(MergeStatus.MERGED);
  }
}
