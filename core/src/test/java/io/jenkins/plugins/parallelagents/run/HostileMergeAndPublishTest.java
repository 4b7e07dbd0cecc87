package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.merge.PublishTarget;
import io.jenkins.plugins.parallelagents.merge.Publisher;
import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.plan.ConflictPolicy;
import io.jenkins.plugins.parallelagents.plan.MergeSettings;
import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The merge resolver and the combined test run code an agent wrote, and publishing trusts the
 * user's repository, its remote and its git configuration: each test attacks one of them, and
 * nothing may be published from a tampered run.
 */
class HostileMergeAndPublishTest extends UserRepositoryTestBase {

  @Test
  void aResolverThatRewritesTheCombinedHistory_settlesNothing_andPublishesNothing()
      throws Exception {
    RunReport report =
        run(
            conflictResolvedBy(
                "git merge --abort; git reset -q --hard HEAD~1; echo mine > config.txt"));

    assertThat(report.merge().status()).isEqualTo(MergeStatus.FAILED);
    assertThat(report.merge().reason())
        .contains("the combined tree cannot be used")
        .contains("the resolver rewrote the history it started from");
    assertThat(report.publish().status()).isEqualTo(PublishStatus.SKIPPED);
    assertThat(git.git(repo, "branch", "--list", "agents/feature")).isEmpty();
    assertUserRepositoryUntouched(report);
  }

  @Test
  void aResolverThatCommitsItsOwnFilesInsteadOfTheMerge_settlesNothing() throws Exception {
    RunReport report =
        run(conflictResolvedBy("git merge --abort; echo mine > config.txt; git commit -qam mine"));

    assertThat(report.merge().status()).isEqualTo(MergeStatus.PARTIAL);
    assertThat(report.merge().reason()).contains("it committed without merging 'right'");
    assertThat(report.merge().merged()).doesNotContain("right");
    assertThat(git.git(repo, "log", "--format=%s", report.merge().commit()))
        .as("the resolver's own commit is not in the combination")
        .doesNotContain("mine");
  }

  @Test
  void aCombinedTestThatRedirectsTheUsersRemote_publishesNothing() throws Exception {
    Path elsewhere = temp.resolve("elsewhere.git");
    git.git(temp, "init", "-q", "--bare", elsewhere.toString());
    RunReport report =
        run(
            new Plans()
                .task("api", "echo a > a.txt")
                .test("git -C '" + repo + "' remote set-url origin '" + elsewhere + "'")
                .publish(new PublishSettings("origin", false)));

    assertThat(report.publish().status()).isEqualTo(PublishStatus.REJECTED);
    assertThat(report.publish().reason()).contains("config").contains("changed during the run");
    assertThat(git.git(elsewhere, "for-each-ref")).isEmpty();
    assertThat(git.git(origin, "branch", "--list", "agents/feature")).isEmpty();
    assertThat(git.git(repo, "branch", "--list", "agents/feature")).isEmpty();
  }

  @Test
  void theRemotesUrlIsReadOnce_whenTheRunStarts() throws Exception {
    Path elsewhere = temp.resolve("elsewhere.git");
    git.git(temp, "init", "-q", "--bare", elsewhere.toString());
    Git engineGit = new Git(new LocalCommandRunner(git.environment()), Map.of());
    Preflight.Checked checked =
        Preflight.check(
            engineGit,
            new Plans().task("api", "true").publish(new PublishSettings("origin", false)).build(),
            repo,
            git.environment());
    git.git(repo, "remote", "set-url", "origin", elsewhere.toString());

    PublishReport published =
        new Publisher(engineGit, engineGit)
            .publish(
                repo,
                mainBefore,
                new PublishTarget("agents/feature", null, checked.pushUrl(), null),
                new PublishSettings("origin", false),
                "feature",
                "run-1");

    assertThat(published.status()).isEqualTo(PublishStatus.PUSHED);
    assertThat(git.git(origin, "rev-parse", "agents/feature")).isEqualTo(mainBefore);
    assertThat(git.git(elsewhere, "for-each-ref")).isEmpty();
  }

  @Test
  void aRemoteTheRepositoryDoesNotHave_stopsTheRunBeforeAnyAgent() {
    Path ran = temp.resolve("agent-ran");
    assertThatThrownBy(
            () ->
                run(
                    new Plans()
                        .task("api", "touch '" + ran + "'")
                        .publish(new PublishSettings("upstream", false))))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("remote 'upstream'");
    assertThat(ran).doesNotExist();
  }

  @Test
  void aFailingResolversPlantedFilter_neverRuns() throws Exception {
    Path marker = temp.resolve("planted-filter-ran");
    RunReport report =
        run(
            conflictResolvedBy(
                "git config filter.evil.smudge \"touch '"
                    + marker
                    + "'; cat\"; git config filter.evil.clean \"touch '"
                    + marker
                    + "'; cat\"; mkdir -p .git/info;"
                    + " echo '* filter=evil' > .git/info/attributes; exit 1"));

    assertThat(report.merge().status()).isEqualTo(MergeStatus.PARTIAL);
    assertThat(marker).doesNotExist();
  }

  @Test
  void theCombinedTestJudgesThePublishedCommit_notTheResolversTree() throws Exception {
    RunReport report =
        run(
            conflictResolvedBy(
                    "echo merged > config.txt; git add config.txt; git commit -qm merged;"
                        + " echo good > src/app.txt;"
                        + " git update-index --assume-unchanged src/app.txt")
                .test("grep -qx good src/app.txt"));

    // The resolver's commit keeps src/app.txt as it was; only its folder says "good".
    assertThat(git.show(repo, report.merge().commit(), "src/app.txt")).isEqualTo("v2");
    assertThat(report.test().status()).isEqualTo(TestStatus.FAILED);
    assertThat(report.publish().status()).isEqualTo(PublishStatus.SKIPPED);
  }

  @Test
  void aPushRedirectPlantedInTheUsersGlobalConfig_publishesNothing() throws Exception {
    Path elsewhere = temp.resolve("elsewhere.git");
    git.git(temp, "init", "-q", "--bare", elsewhere.toString());
    Path global = Path.of(git.environment().get("GIT_CONFIG_GLOBAL"));
    RunReport report =
        run(
            new Plans()
                .task(
                    "api",
                    "echo a > a.txt; printf '[url \"%s\"]\\n\\tpushInsteadOf = %s\\n' '"
                        + elsewhere
                        + "' '"
                        + origin
                        + "' >> '"
                        + global
                        + "'")
                .publish(new PublishSettings("origin", false)));

    assertThat(Files.readString(global)).contains("pushInsteadOf");
    assertThat(report.publish().status()).isNotEqualTo(PublishStatus.PUSHED);
    assertThat(report.task("api").orElseThrow().reason()).contains("changed during the run");
    assertThat(git.git(elsewhere, "for-each-ref")).isEmpty();
  }

  /** Two tasks that conflict in config.txt, and a resolver that runs {@code script}. */
  private static Plans conflictResolvedBy(String script) {
    return new Plans()
        .task("left", "echo left > config.txt")
        .task("right", "echo right > config.txt")
        .agent("fixer", CommandSpec.shell(script))
        .merge(new MergeSettings(MergeStrategy.MERGE, ConflictPolicy.RESOLVE, "fixer"));
  }
}
