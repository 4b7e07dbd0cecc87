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
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
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
  void conflict_isPredicted_thenNamesTheTaskTheFilesAndWhoTouchedThem() throws Exception {
    RunReport report = engine.run(conflicting().build(), repo);

    assertThat(report.predictedConflicts())
        .containsExactly(new PredictedConflict("api", "page", List.of("config.txt")));
    assertThat(report.merge().status()).isEqualTo(MergeStatus.CONFLICT);
    assertThat(report.merge().conflicts())
        .containsExactly(new MergeConflict("page", List.of("config.txt"), List.of("api")));
    assertThat(report.merge().reason())
        .isEqualTo("merging 'page' conflicts in config.txt (also changed by api)");
    assertThat(report.run().status()).isEqualTo(RunStatus.FAILED);
    assertThat(report.test().status()).isEqualTo(TestStatus.SKIPPED);
    assertThat(report.publish().status()).isEqualTo(PublishStatus.SKIPPED);
    assertThat(git.git(repo, "branch", "--list", "agents/feature")).isEmpty();
    assertThat(git.show(repo, report.task("page").orElseThrow().branch(), "config.txt"))
        .isEqualTo("color=green");
    assertThat(git.show(repo, report.merge().branch(), "a.txt"))
        .as("the last good combination is kept")
        .isEqualTo("a");
  }

  @Test
  void conflict_withResolve_runsTheResolverAgent() throws Exception {
    RunReport report =
        engine.run(
            conflicting()
                .agent(
                    "fixer",
                    CommandSpec.shell(
                        "test \"$AGENT_TASK_ID\" = page && echo color=teal > config.txt"))
                .merge(new MergeSettings(MergeStrategy.MERGE, ConflictPolicy.RESOLVE, "fixer"))
                .build(),
            repo);

    assertThat(report.merge().status()).isEqualTo(MergeStatus.RESOLVED);
    assertThat(git.show(repo, report.merge().commit(), "config.txt")).isEqualTo("color=teal");
    assertThat(report.run().status()).isEqualTo(RunStatus.SUCCEEDED);
  }
}
