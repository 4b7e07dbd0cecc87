package io.jenkins.plugins.parallelagents.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.jenkins.plugins.parallelagents.lifecycle.CleanedRun;
import io.jenkins.plugins.parallelagents.lifecycle.SavedWork;
import io.jenkins.plugins.parallelagents.plan.CleanupSettings;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task's step run again in the same workspace, as a Jenkins {@code retry} around it does. */
class RetriedTaskTest {

  @TempDir Path temp;
  private GitSandbox sandbox;
  private NodeCluster cluster;
  private Path origin;
  private Path node;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new GitSandbox(temp);
    Path project = sandbox.repository("project", Map.of("README.md", "# project\n"));
    origin = sandbox.bareOrigin(project);
    cluster = new NodeCluster(sandbox, origin, new Plans().task("api", "true").build());
    cluster.start("job-20");
    node = cluster.node("node-a");
  }

  @Test
  void aRetry_startsFromTheBaseAgain_andKeepsWhatTheEarlierTryCommitted() throws Exception {
    NodeTask tasks = cluster.task(node);
    PreparedTask first = tasks.prepare("api");
    Files.writeString(Path.of(first.worktree()).resolve("api.txt"), "first try\n");
    TaskReport failed = tasks.blockFailed(first, TaskStatus.FAILED, "exit 1");

    PreparedTask second = cluster.task(node).prepare("api");

    assertThat(second.ready()).isTrue();
    assertThat(second.startCommit()).isEqualTo(first.startCommit());
    assertThat(Path.of(second.worktree()).resolve("api.txt")).doesNotExist();
    assertThat(ref("refs/parallel-agents/snapshots/job-20/api.retry-1")).isEqualTo(failed.commit());
    assertThat(sandbox.git(node, "show", failed.commit() + ":api.txt")).isEqualTo("first try");

    Files.writeString(Path.of(second.worktree()).resolve("api.txt"), "second try\n");
    TaskReport done = cluster.task(node).blockSucceeded(second, (step, line) -> {});

    assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(ref("refs/heads/agents/job-20/api")).isEqualTo(done.commit());
    assertThat(sandbox.show(node, done.branch(), "api.txt")).isEqualTo("second try");
    assertThat(sandbox.git(node, "rev-parse", done.commit() + "^")).isEqualTo(first.startCommit());
  }

  @Test
  void aThirdTry_keepsEachEarlierTryUnderItsOwnRef() throws Exception {
    String firstCommit = commitATry("one");
    String secondCommit = commitATry("two");

    cluster.task(node).prepare("api");

    assertThat(ref("refs/parallel-agents/snapshots/job-20/api.retry-1")).isEqualTo(firstCommit);
    assertThat(ref("refs/parallel-agents/snapshots/job-20/api.retry-2")).isEqualTo(secondCommit);
  }

  @Test
  void aTryThatCommittedNothing_leavesNoRef() throws Exception {
    NodeTask tasks = cluster.task(node);
    tasks.blockFailed(tasks.prepare("api"), TaskStatus.FAILED, "exit 1");

    cluster.task(node).prepare("api");

    assertThat(sandbox.git(node, "for-each-ref", "refs/parallel-agents/snapshots/")).isEmpty();
  }

  @Test
  void theCleanup_recordsAnEarlierTryWithTheRunsSavedWork_andDropsItWhenThatExpires()
      throws Exception {
    cluster =
        new NodeCluster(
            sandbox,
            origin,
            new Plans().task("api", "true").cleanup(new CleanupSettings(4, 0, 30)).build());
    cluster.start("job-30");
    node = cluster.node("node-b");
    String earlier = commitATry("one");
    commitATry("two");
    cluster.start("job-31");

    List<CleanedRun> removed =
        new NodeRetention(cluster.on(node), cluster.runner(), cluster.environment())
            .apply(Set.of());

    assertThat(removed).extracting(CleanedRun::runId).containsExactly("job-30");
    assertThat(removed.get(0).saved())
        .extracting(SavedWork::ref, SavedWork::commit)
        .contains(tuple("refs/parallel-agents/snapshots/job-30/api.retry-1", earlier));

    Clock in31Days = Clock.fixed(Instant.now().plus(Duration.ofDays(31)), ZoneOffset.UTC);
    new NodeRetention(cluster.on(node), cluster.runner(), cluster.environment(), in31Days)
        .apply(Set.of());

    assertThat(sandbox.git(node, "for-each-ref", "refs/parallel-agents/snapshots/job-30"))
        .isEmpty();
  }

  private String commitATry(String content) throws Exception {
    NodeTask tasks = cluster.task(node);
    PreparedTask prepared = tasks.prepare("api");
    Files.writeString(Path.of(prepared.worktree()).resolve("api.txt"), content + "\n");
    return tasks.blockFailed(prepared, TaskStatus.FAILED, "exit 1").commit();
  }

  private String ref(String name) {
    return sandbox.git(node, "rev-parse", "--verify", name);
  }
}
