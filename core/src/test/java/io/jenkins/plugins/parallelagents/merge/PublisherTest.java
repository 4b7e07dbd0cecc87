package io.jenkins.plugins.parallelagents.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.lifecycle.Publication;
import io.jenkins.plugins.parallelagents.lifecycle.Publications;
import io.jenkins.plugins.parallelagents.lifecycle.StateRoot;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Publishing moves the target only from the commit preflight found there: whatever moved it since
 * is someone else's and stays.
 */
class PublisherTest extends EngineTestBase {

  private LocalCommandRunner runner;
  private Publisher publisher;
  private Publications publications;
  private String result;

  @BeforeEach
  void publisherAndResult() throws Exception {
    runner = new LocalCommandRunner(git.environment());
    Git engineGit = new Git(runner, Map.of());
    publications = Publications.in(new StateRoot(temp.resolve("state")));
    publisher = new Publisher(engineGit, engineGit, publications);
    result = commitOn("result", "a.txt", "Combined result");
  }

  @AfterEach
  void closeRunner() {
    runner.close();
  }

  @Test
  void aLocalTargetThatMovedSincePreflight_isNotOverwritten() throws Exception {
    String theirs = commitOn("agents/feature", "other.txt", "Their work, after preflight");

    PublishReport report =
        publisher.publish(
            repo, result, PublishTarget.local("agents/feature", null), LOCAL, "feature", "run-1");

    assertThat(report.status()).isEqualTo(PublishStatus.REJECTED);
    assertThat(report.reason())
        .isEqualTo(
            "target 'agents/feature' moved since the run began (from nothing to "
                + theirs.substring(0, 7)
                + "); nothing was overwritten");
    assertThat(git.git(repo, "rev-parse", "agents/feature")).isEqualTo(theirs);
    assertThat(publications.all()).isEmpty();
  }

  @Test
  void aRemoteTargetThatMovedSincePreflight_isNotOverwritten() throws Exception {
    Path origin = git.bareOrigin(repo);
    String ours = commitOn("previous", "b.txt", "Our previous result");
    git.git(repo, "push", "-q", "origin", ours + ":refs/heads/agents/feature");
    String theirs = commitOn("previous", "c.txt", "Their work on top, after preflight");
    git.git(repo, "push", "-q", "origin", theirs + ":refs/heads/agents/feature");

    PublishReport report =
        publisher.publish(
            repo,
            result,
            new PublishTarget("agents/feature", null, origin.toString(), ours),
            new PublishSettings("origin", false),
            "feature",
            "run-1");

    assertThat(report.status()).isEqualTo(PublishStatus.REJECTED);
    assertThat(report.reason())
        .isEqualTo(
            "push to origin was rejected: the remote's 'agents/feature' moved since the run began;"
                + " nothing was overwritten");
    assertThat(git.git(origin, "rev-parse", "agents/feature")).isEqualTo(theirs);
    assertThat(git.git(repo, "branch", "--list", "agents/feature")).isEmpty();
  }

  @Test
  void ourOwnRemoteTarget_isReplaced_andThePublicationConfirmed() throws Exception {
    Path origin = git.bareOrigin(repo);
    String ours = commitOn("previous", "b.txt", "Our previous result");
    git.git(repo, "push", "-q", "origin", ours + ":refs/heads/agents/feature");

    PublishReport report =
        publisher.publish(
            repo,
            result,
            new PublishTarget("agents/feature", null, origin.toString(), ours),
            new PublishSettings("origin", false),
            "feature",
            "run-2");

    assertThat(report.status()).isEqualTo(PublishStatus.PUSHED);
    assertThat(git.git(origin, "rev-parse", "agents/feature")).isEqualTo(result);
    assertThat(git.git(repo, "rev-parse", "agents/feature")).isEqualTo(result);
    assertThat(publications.all())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.state()).isEqualTo(Publication.State.CONFIRMED);
              assertThat(p.commit()).isEqualTo(result);
              assertThat(p.destination()).isEqualTo(origin.toString());
              assertThat(p.plan()).isEqualTo("feature");
              assertThat(p.runId()).isEqualTo("run-2");
            });
  }

  @Test
  void aPublicationThatCannotBeRecorded_publishesNothing() throws Exception {
    Path origin = git.bareOrigin(repo);
    // A folder where the record goes: it cannot be replaced by a file.
    Files.createDirectories(publications.file().resolve("in-the-way"));

    PublishReport report =
        publisher.publish(
            repo,
            result,
            new PublishTarget("agents/feature", null, origin.toString(), null),
            new PublishSettings("origin", false),
            "feature",
            "run-1");

    assertThat(report.status()).isEqualTo(PublishStatus.FAILED);
    assertThat(report.reason())
        .startsWith("nothing was published: the publication could not be recorded: ");
    assertThat(git.git(origin, "branch", "--list", "agents/feature")).isEmpty();
    assertThat(git.git(repo, "branch", "--list", "agents/feature")).isEmpty();
  }

  @Test
  void aRemoteUrlWithCredentials_isRecordedWithoutThem_andStillKnownAsOurs() throws Exception {
    String withToken = "https://agent:tok3n-s3cret@127.0.0.1:9/app.git";

    publisher.publish(
        repo,
        result,
        new PublishTarget("agents/feature", null, withToken, null),
        new PublishSettings("origin", false),
        "feature",
        "run-1");

    assertThat(Files.readString(publications.file())).doesNotContain("tok3n-s3cret");
    assertThat(publications.isOwn("agents/feature", withToken, "feature", result)).isTrue();
    assertThat(
            publications.isOwn(
                "agents/feature", "https://agent:rotated@127.0.0.1:9/app.git", "feature", result))
        .as("the same remote with a new token")
        .isTrue();
  }

  private static final PublishSettings LOCAL = PublishSettings.LOCAL_ONLY;

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
}
