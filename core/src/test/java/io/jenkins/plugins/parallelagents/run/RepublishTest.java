package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.lifecycle.Publications;
import io.jenkins.plugins.parallelagents.lifecycle.StateRoot;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Running a plan again replaces what its last run published; a target holding anyone else's work
 * stops the run before any agent starts, naming that work and the way out.
 */
class RepublishTest extends EngineTestBase {

  private static final PublishSettings TO_ORIGIN = new PublishSettings("origin", false);

  @Test
  void thePlanRunAgain_publishesAgain_locally() throws Exception {
    RunReport first = engine.run(plan("one").build(), repo);
    RunReport second = engine.run(plan("two").build(), repo);

    assertThat(first.publish().status()).isEqualTo(PublishStatus.UPDATED);
    assertThat(second.publish().status()).isEqualTo(PublishStatus.UPDATED);
    assertThat(second.merge().commit()).isNotEqualTo(first.merge().commit());
    assertThat(git.git(repo, "rev-parse", "agents/feature")).isEqualTo(second.merge().commit());
  }

  @Test
  void thePlanRunAgain_publishesAgain_toTheRemote() throws Exception {
    Path origin = git.bareOrigin(repo);

    RunReport first = engine.run(plan("one").publish(TO_ORIGIN).build(), repo);
    RunReport second = engine.run(plan("two").publish(TO_ORIGIN).build(), repo);

    assertThat(first.publish().status()).isEqualTo(PublishStatus.PUSHED);
    assertThat(second.publish().status()).isEqualTo(PublishStatus.PUSHED);
    assertThat(git.git(origin, "rev-parse", "agents/feature")).isEqualTo(second.merge().commit());
    assertThat(git.git(repo, "rev-parse", "agents/feature")).isEqualTo(second.merge().commit());
  }

  @Test
  void aTargetTheBaseContains_isMovedOn() throws Exception {
    git.git(repo, "branch", "agents/feature");
    commitOn("main", "later.txt", "Later work on main");

    RunReport report = engine.run(plan("one").build(), repo);

    assertThat(report.publish().status()).isEqualTo(PublishStatus.UPDATED);
    assertThat(git.git(repo, "rev-parse", "agents/feature")).isEqualTo(report.merge().commit());
  }

  @Test
  void someoneElsesLocalCommit_stopsTheRunBeforeAnyAgent_namingIt() throws Exception {
    String theirs = commitOn("agents/feature", "other.txt", "Other work");

    EnvironmentException refused = refusedRun(plan("one"));

    assertThat(refused)
        .hasMessage(
            "target 'agents/feature' holds 1 commit that neither the base contains nor an earlier"
                + " run of plan 'feature' published: "
                + theirs.substring(0, 7)
                + " Other work");
    assertThat(refused.fix()).contains("--force-publish").contains("--target NAME");
    assertThat(git.git(repo, "rev-parse", "agents/feature")).isEqualTo(theirs);
  }

  @Test
  void manyCommitsInTheWay_namesFiveAndCountsTheRest() throws Exception {
    for (int i = 1; i <= 7; i++) {
      commitOn("agents/feature", "other" + i + ".txt", "Other work " + i);
    }

    assertThat(refusedRun(plan("one")).getMessage())
        .contains("holds 7 commits")
        .contains("Other work 7")
        .contains("Other work 3")
        .doesNotContain("Other work 2")
        .endsWith("; and 2 more");
  }

  @Test
  void someoneElsesLocalCommit_isReplacedWhenForced_orLeftForAnotherTarget() throws Exception {
    String theirs = commitOn("agents/feature", "other.txt", "Other work");

    RunReport elsewhere = engine.run(plan("one").target("agents/feature-2").build(), repo);
    RunReport forced =
        engine.run(plan("two").publish(new PublishSettings(null, true)).build(), repo);

    assertThat(elsewhere.publish().status()).isEqualTo(PublishStatus.UPDATED);
    assertThat(git.git(repo, "rev-parse", "agents/feature-2"))
        .isEqualTo(elsewhere.merge().commit());
    assertThat(forced.publish().status()).isEqualTo(PublishStatus.UPDATED);
    assertThat(git.git(repo, "rev-parse", "agents/feature"))
        .isEqualTo(forced.merge().commit())
        .isNotEqualTo(theirs);
  }

  @Test
  void someoneElsesCommitOnlyOnTheRemote_stopsTheRunBeforeAnyAgent() throws Exception {
    Path origin = git.bareOrigin(repo);
    String theirs = pushFromAnotherClone(origin, "Their work");

    EnvironmentException refused = refusedRun(plan("one").publish(TO_ORIGIN));

    assertThat(refused)
        .hasMessage(
            "target 'agents/feature' on origin is at "
                + theirs.substring(0, 7)
                + ", a commit that neither the base contains nor an earlier run of plan 'feature'"
                + " published, and which this repository does not have (fetch it to see it)");
    assertThat(refused.fix()).contains("--force-publish");
    assertThat(git.git(origin, "rev-parse", "agents/feature")).isEqualTo(theirs);
    assertThat(git.git(repo, "branch", "--list", "agents/feature")).isEmpty();
  }

  @Test
  void someoneElsesCommitOnTheRemote_thatTheRepositoryHas_isNamed() throws Exception {
    Path origin = git.bareOrigin(repo);
    String theirs = commitOn("elsewhere", "other.txt", "Other work");
    git.git(repo, "push", "-q", "origin", "elsewhere:agents/feature");

    EnvironmentException refused = refusedRun(plan("one").publish(TO_ORIGIN));

    assertThat(refused)
        .hasMessageStartingWith("target 'agents/feature' on origin holds 1 commit")
        .hasMessageEndingWith(theirs.substring(0, 7) + " Other work");
    assertThat(git.git(origin, "rev-parse", "agents/feature")).isEqualTo(theirs);
  }

  @Test
  void theRemoteTargetPublishedLastTime_isReplacedWhenForcedToo() throws Exception {
    Path origin = git.bareOrigin(repo);
    pushFromAnotherClone(origin, "Their work");

    RunReport forced =
        engine.run(plan("one").publish(new PublishSettings("origin", true)).build(), repo);

    assertThat(forced.publish().status()).isEqualTo(PublishStatus.PUSHED);
    assertThat(git.git(origin, "rev-parse", "agents/feature")).isEqualTo(forced.merge().commit());
  }

  @Test
  void aCommitAnotherPlanPublished_isNotThisPlans() throws Exception {
    String theirs = commitOn("agents/feature", "other.txt", "Other plan's result");
    publications().intend("agents/feature", "local", "other-plan", "run-0", theirs, Instant.now());

    refusedRun(plan("one"));

    assertThat(git.git(repo, "rev-parse", "agents/feature")).isEqualTo(theirs);
  }

  @Test
  void aPublicationRecordedOnlyAsIntent_isRecognisedAsThisPlans() throws Exception {
    Path origin = git.bareOrigin(repo);
    // A run killed right after its push: the intent is recorded, the remote has the commit, the
    // local target never moved and the intent was never confirmed.
    String killedRunsResult = commitOn("killed", "a.txt", "Combined result of the killed run");
    publications()
        .intend(
            "agents/feature",
            origin.toString(),
            "feature",
            "run-killed",
            killedRunsResult,
            Instant.now());
    git.git(repo, "push", "-q", "origin", killedRunsResult + ":refs/heads/agents/feature");

    RunReport report = engine.run(plan("one").publish(TO_ORIGIN).build(), repo);

    assertThat(report.publish().status()).isEqualTo(PublishStatus.PUSHED);
    assertThat(git.git(origin, "rev-parse", "agents/feature")).isEqualTo(report.merge().commit());
    assertThat(git.git(repo, "rev-parse", "agents/feature")).isEqualTo(report.merge().commit());
  }

  @Test
  void aPushThatFails_neverMovesTheLocalTarget() throws Exception {
    Path origin = git.bareOrigin(repo);
    RunReport first = engine.run(plan("one").publish(TO_ORIGIN).build(), repo);
    // The hook writes down the local target as it is during the push: what a run killed at that
    // moment would leave behind.
    Path seen = temp.resolve("local-target-during-push");
    Path hook = origin.resolve("hooks/pre-receive");
    Files.writeString(
        hook,
        "#!/bin/sh\n"
            + "unset $(env | sed -n 's/^\\(GIT_[A-Z_]*\\)=.*/\\1/p')\n"
            + "git --git-dir='"
            + repo.resolve(".git")
            + "' for-each-ref --format='%(objectname)' refs/heads/agents/feature > '"
            + seen
            + "'\n"
            + "echo 'no pushes today' >&2\nexit 1\n");
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));

    RunReport second = engine.run(plan("two").publish(TO_ORIGIN).build(), repo);

    assertThat(second.publish().status()).isEqualTo(PublishStatus.FAILED);
    assertThat(second.publish().reason()).contains("push to origin failed");
    assertThat(second.run().status()).isEqualTo(RunStatus.FAILED);
    assertThat(Files.readString(seen).strip()).isEqualTo(first.merge().commit());
    assertThat(git.git(repo, "rev-parse", "agents/feature")).isEqualTo(first.merge().commit());
    assertThat(git.git(origin, "rev-parse", "agents/feature")).isEqualTo(first.merge().commit());
  }

  @Test
  void aRemoteThatCannotBeRead_stopsTheRunBeforeAnyAgent() throws Exception {
    Path missing = temp.resolve("no-such-remote.git");

    EnvironmentException refused =
        refusedRun(plan("one").publish(new PublishSettings(missing.toString(), false)));

    assertThat(refused)
        .hasMessageStartingWith(
            "cannot read target 'agents/feature' from remote '" + missing + "': ");
  }

  /** One task whose agent writes {@code content} and leaves a mark outside the repository. */
  private Plans plan(String content) {
    return new Plans()
        .task("api", "touch '" + mark() + "'; echo " + content + " > a.txt")
        .target("agents/feature");
  }

  private Path mark() {
    return temp.resolve("agent-ran");
  }

  /** Runs {@code plan}, which must be refused before its agent ran. */
  private EnvironmentException refusedRun(Plans plan) {
    EnvironmentException refused =
        catchThrowableOfType(EnvironmentException.class, () -> engine.run(plan.build(), repo));
    assertThat(refused).as("the run is refused").isNotNull();
    assertThat(mark()).as("the agent ran").doesNotExist();
    return refused;
  }

  /** A commit on {@code branch} (created from main if needed), leaving main checked out. */
  private String commitOn(String branch, String file, String subject) throws Exception {
    if (git.git(repo, "branch", "--list", branch).isEmpty()) {
      git.git(repo, "branch", branch, "main");
    }
    git.git(repo, "checkout", "-q", branch);
    Files.writeString(repo.resolve(file), subject + "\n");
    git.git(repo, "add", "-A");
    git.git(repo, "commit", "-qm", subject);
    String commit = git.git(repo, "rev-parse", "HEAD");
    git.git(repo, "checkout", "-q", "main");
    return commit;
  }

  /** Someone else's commit pushed to the remote's target, which this repository never fetched. */
  private String pushFromAnotherClone(Path origin, String subject) throws Exception {
    Path clone = temp.resolve("their-clone");
    git.git(temp, "clone", "-q", origin.toString(), clone.toString());
    Files.writeString(clone.resolve("theirs.txt"), subject + "\n");
    git.git(clone, "add", "-A");
    git.git(clone, "commit", "-qm", subject);
    git.git(clone, "push", "-q", "origin", "HEAD:refs/heads/agents/feature");
    return git.git(clone, "rev-parse", "HEAD");
  }

  private Publications publications() throws Exception {
    return Publications.in(StateRoot.defaultFor(repo.toRealPath(), git.environment()));
  }
}
