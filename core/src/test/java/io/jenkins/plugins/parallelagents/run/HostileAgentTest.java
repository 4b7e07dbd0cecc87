package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.report.AttemptReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Agents as a prompt-injected model would drive them: each test's agent is a shell script that
 * attacks the repository it was given, and the user's checkout, branches, config and origin must
 * come out as they were, with the task failed for a reason that says what the agent did, or its
 * harmless part kept.
 */
class HostileAgentTest extends UserRepositoryTestBase {

  @Test
  void switchingToTheUsersBranch_failsTheTask_andLeavesMainAlone() throws Exception {
    RunReport report =
        apiFailsWith(
            "git checkout -q -b main && echo hijack > src/app.txt && git commit -qam x;"
                + " echo more > more.txt",
            "switched its repository to main");
    assertUserRepositoryUntouched(report);
  }

  @Test
  void movingRefsInItsOwnRepository_cannotReachTheUsersBranches() throws Exception {
    RunReport report =
        run(
            new Plans()
                .task(
                    "api",
                    "echo a > a.txt && git add a.txt && git commit -qm a"
                        + " && git update-ref refs/heads/main HEAD"
                        + " && git update-ref refs/heads/agents/feature HEAD"));

    // The agent only moved refs of its own repository: its work is kept, the user's are not moved.
    assertThat(report.task("api").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(git.show(repo, "agents/feature", "a.txt")).isEqualTo("a");
    assertThat(git.git(repo, "rev-parse", "main")).isEqualTo(mainBefore);
    assertThat(git.git(repo, "status", "--porcelain")).isEmpty();
  }

  @Test
  void pushingFromItsRepository_reachesNoRemote() throws Exception {
    RunReport report =
        run(
            new Plans()
                .task(
                    "api",
                    "echo a > a.txt && git add a.txt && git commit -qm a;"
                        + " git push -q origin HEAD:main --force; git remote -v > remotes.txt;"
                        + " true"));

    assertThat(report.task("api").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(git.show(repo, report.task("api").orElseThrow().commit(), "remotes.txt")).isEmpty();
    assertThat(git.git(origin, "rev-parse", "main")).isEqualTo(mainBefore);
  }

  @Test
  void changingTheUsersBranchDirectly_isNamedAndFailsTheTask() throws Exception {
    RunReport report =
        apiFailsWith(
            "echo a > a.txt; git -C '"
                + repo
                + "' -c user.name=x -c user.email=x@x commit -q --allow-empty -m sneaky",
            "refs/heads/main of your repository moved");
    assertThat(report.publish().status()).isEqualTo(PublishStatus.SKIPPED);
  }

  @Test
  void rewritingTheHistoryItStartedFrom_failsTheTask() throws Exception {
    RunReport report = run(new Plans().task("api", "git reset -q --hard HEAD~1 && echo a > a.txt"));

    TaskReport api = report.task("api").orElseThrow();
    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason()).contains("rewrote the history it started from");
    assertThat(report.publish().status()).isEqualTo(PublishStatus.SKIPPED);
    assertUserRepositoryUntouched(report);
  }

  @Test
  void amendingItsOwnCommit_isFine_andTheReportListsTheCommitsTheEngineTook() throws Exception {
    RunReport report =
        run(
            new Plans()
                .task(
                    "api",
                    "echo a > a.txt && git add a.txt"
                        + " && git commit -qm 'first\n\nAgent-Task: someone-else'"
                        + " && echo b >> a.txt && git commit -qam amended --amend"
                        + " && echo c > c.txt"));

    TaskReport api = report.task("api").orElseThrow();
    assertThat(api.status()).isEqualTo(TaskStatus.SUCCEEDED);
    AttemptReport attempt = api.attempts().get(0);
    // The agent's own (amended) commit, then the engine's commit of what it left.
    assertThat(attempt.commits()).hasSize(2).last().isEqualTo(api.commit());
    assertThat(git.git(repo, "log", "-1", "--format=%s", attempt.commits().get(0)))
        .isEqualTo("amended");
  }

  @Test
  void removingItsRepository_commitsNothingIntoARepositoryAbove() throws Exception {
    // The engine's state folder inside another repository, like a home folder kept under git.
    Path home = git.repository("user-home", Map.of("notes.txt", "mine\n"));
    Files.writeString(home.resolve("notes.txt"), "mine, not committed\n");
    String homeHead = git.git(home, "rev-parse", "HEAD");

    RunReport report =
        engine.run(
            new Plans().task("api", "rm -rf .git && echo a > a.txt").build(),
            engine.options(repo).withStateRoot(home.resolve("state")));

    TaskReport api = report.task("api").orElseThrow();
    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason()).contains("removed the task's repository");
    assertThat(git.git(home, "rev-parse", "HEAD")).isEqualTo(homeHead);
    assertThat(git.git(home, "status", "--porcelain")).contains("M notes.txt");
    assertThat(git.git(home, "ls-files", "--cached"))
        .as("files committed or staged in home")
        .isEqualTo("notes.txt");
  }

  @Test
  void plantedConfigHooksAndFilters_neverRunInTheEnginesGit_andThePushGoesWhereItShould()
      throws Exception {
    Path marker = temp.resolve("planted-command-ran");
    Path elsewhere = temp.resolve("elsewhere.git");
    git.git(temp, "init", "-q", "--bare", elsewhere.toString());
    String plant = "touch '" + marker + "'";
    RunReport report =
        run(
            new Plans()
                .task(
                    "api",
                    "git remote add origin '"
                        + elsewhere
                        + "'; git config core.fsmonitor \""
                        + plant
                        + "\"; git config core.hooksPath .git/hooks; mkdir -p .git/hooks;"
                        + " printf '#!/bin/sh\\n"
                        + plant
                        + "\\n' > .git/hooks/post-commit; chmod +x .git/hooks/post-commit;"
                        + " printf '#!/bin/sh\\n"
                        + plant
                        + "\\n' > .git/hooks/reference-transaction;"
                        + " chmod +x .git/hooks/reference-transaction;"
                        + " git config filter.evil.clean \""
                        + plant
                        + "; cat\"; echo '*.txt filter=evil' > .gitattributes;"
                        + " echo a > a.txt")
                .publish(new PublishSettings("origin", false)));

    assertThat(report.task("api").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(marker).doesNotExist();
    assertThat(report.publish().status()).isEqualTo(PublishStatus.PUSHED);
    assertThat(git.show(origin, "agents/feature", "a.txt")).isEqualTo("a");
    assertThat(git.git(elsewhere, "for-each-ref")).isEmpty();
    assertThat(Files.readString(repo.resolve(".git/config"))).isEqualTo(configBefore);
  }

  @Test
  void redirectingTheUsersRemote_failsTheTask_andPushesNothingThere() throws Exception {
    Path elsewhere = temp.resolve("elsewhere.git");
    git.git(temp, "init", "-q", "--bare", elsewhere.toString());
    RunReport report =
        run(
            new Plans()
                .task(
                    "api",
                    "echo a > a.txt; git -C '"
                        + repo
                        + "' remote set-url origin '"
                        + elsewhere
                        + "'")
                .publish(new PublishSettings("origin", false)));

    TaskReport api = report.task("api").orElseThrow();
    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason()).contains("config").contains("changed during the run");
    assertThat(git.git(elsewhere, "for-each-ref")).isEmpty();
  }

  @Test
  void oneTasksPlantedConfig_neverReachesAnotherTasksRepository() throws Exception {
    RunReport report =
        run(
            new Plans()
                .task(
                    "first",
                    "git config user.name Mallory; git config alias.st '!touch x'; echo 1 > one.txt")
                .task(
                    "second",
                    "git config --get user.name > seen.txt; git config --get alias.st >> seen.txt;"
                        + " echo 2 > two.txt",
                    "first"));

    assertThat(report.task("second").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    String seen = git.show(repo, report.task("second").orElseThrow().commit(), "seen.txt");
    assertThat(seen).doesNotContain("Mallory").doesNotContain("touch");
  }

  @Test
  void aLinkInItsGitFolder_isNeverWrittenThrough() throws Exception {
    Path precious = temp.resolve("precious.txt");
    Files.writeString(precious, "PRECIOUS\n");
    Path folder = Files.createDirectories(temp.resolve("outside/attributes"));
    Files.writeString(folder.resolve("keep.txt"), "keep\n");
    RunReport report =
        run(
            new Plans()
                .task("api", "echo a > a.txt; ln -sf '" + precious + "' .git/COMMIT_EDITMSG")
                .task(
                    "web",
                    "echo w > w.txt; rm -rf .git/info; ln -s '"
                        + folder.getParent()
                        + "' .git/info"));

    assertThat(report.task("api").orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(report.task("api").orElseThrow().reason()).contains("put a link");
    assertThat(report.task("web").orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(precious).hasContent("PRECIOUS");
    assertThat(folder.resolve("keep.txt")).hasContent("keep");
  }

  @Test
  void whatVerifyJudged_isWhatIsCommitted_whateverFlagsTheAgentLeftInTheIndex() throws Exception {
    RunReport report =
        run(
            new Plans()
                .add(
                    Plans.withVerify(Plans.task("api", false), "grep -qx good src/app.txt"),
                    "echo bad > src/app.txt && git commit -qam bad && echo good > src/app.txt"
                        + " && git update-index --assume-unchanged src/app.txt"
                        + " && mkdir -p .git/info && echo '*.secret' >> .git/info/exclude"
                        + " && echo s > x.secret"));

    TaskReport api = report.task("api").orElseThrow();
    assertThat(api.status()).as(api.reason()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(git.show(repo, api.commit(), "src/app.txt")).isEqualTo("good");
    assertThat(git.show(repo, api.commit(), "x.secret")).isEqualTo("s");
  }

  @Test
  void aReplaceRefThatHidesARewrite_failsTheTask() throws Exception {
    apiFailsWith(
        "git reset -q --hard HEAD~1 && echo a > a.txt && git add a.txt"
            + " && git commit -qm a && git replace --graft HEAD $AGENT_BASE_COMMIT",
        "rewrote the history it started from");
  }
}
