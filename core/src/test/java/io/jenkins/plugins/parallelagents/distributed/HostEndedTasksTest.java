package io.jenkins.plugins.parallelagents.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasks that ended without a hand-off, as the host saw them (an abort, a lost node), and a run
 * stopped before its merge: the report says what happened to each.
 */
class HostEndedTasksTest {

  @TempDir Path temp;
  private GitSandbox sandbox;
  private NodeCluster cluster;
  private Path merger;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new GitSandbox(temp);
    Path project = sandbox.repository("project", Map.of("README.md", "# project\n"));
    Plan plan =
        new Plans().task("api", "true").task("page", "true").task("docs", "true", "page").build();
    cluster = new NodeCluster(sandbox, sandbox.bareOrigin(project), plan);
    cluster.start("job-21");
    Path node = cluster.node("node-a");
    NodeTask tasks = cluster.task(node);
    PreparedTask api = tasks.prepare("api");
    Files.writeString(Path.of(api.worktree()).resolve("api.txt"), "api\n");
    assertThat(tasks.blockSucceeded(api, (step, line) -> {}).status())
        .isEqualTo(TaskStatus.SUCCEEDED);
    merger = cluster.node("merge-node");
    cluster.carry("api", node, merger);
  }

  @Test
  void anAbortedTaskWithoutAHandoffIsReportedCancelledWithTheHostsReason() throws Exception {
    RunReport report =
        cluster
            .merge(merger)
            .mergeAndTest(
                line -> {},
                Map.of("page", new TaskEnd(TaskStatus.CANCELLED, "the build was aborted")));

    TaskReport page = report.task("page").orElseThrow();
    assertThat(page.status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(page.reason())
        .isEqualTo("the build was aborted (no result was handed to the merge)");
    assertThat(report.task("docs").orElseThrow().status()).isEqualTo(TaskStatus.SKIPPED);
    assertThat(report.merge().merged()).containsExactly("api");
    assertThat(sandbox.show(merger, report.merge().commit(), "api.txt")).isEqualTo("api");
  }

  @Test
  void withoutTheHostsRecordAMissingHandoffIsAFailure() throws Exception {
    RunReport report = cluster.merge(merger).mergeAndTest(line -> {});

    TaskReport page = report.task("page").orElseThrow();
    assertThat(page.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(page.reason()).isEqualTo("no result of this task was handed to the merge");
  }

  @Test
  void aRunStoppedBeforeItsMergeStillWritesEveryReport_mergingNothing() throws Exception {
    RunReport report =
        cluster
            .merge(merger)
            .reportStopped(
                "the build was aborted before the merge",
                Map.of("page", new TaskEnd(TaskStatus.CANCELLED, "the build was aborted")),
                line -> {});

    assertThat(report.run().status()).isEqualTo(RunStatus.FAILED);
    assertThat(report.run().reason()).contains("task 'page' CANCELLED: the build was aborted");
    assertThat(report.task("api").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(report.task("page").orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(report.merge().status()).isEqualTo(MergeStatus.SKIPPED);
    assertThat(report.merge().reason()).isEqualTo("the build was aborted before the merge");
    assertThat(report.test().status()).isEqualTo(TestStatus.SKIPPED);
    assertThat(report.publish().status()).isEqualTo(PublishStatus.SKIPPED);
    Path reports = cluster.on(merger).directory().root();
    assertThat(reports.resolve("report.json")).exists();
    assertThat(reports.resolve("junit.xml")).exists();
    assertThat(sandbox.git(merger, "branch", "--list", "agents/job-21/_integration")).isBlank();
  }

  @Test
  void aMergeRunAgainOnTheSameNode_asARetriedStageDoes_mergesTheSame() throws Exception {
    RunReport first = cluster.merge(merger).mergeAndTest(line -> {});
    RunReport again = cluster.merge(merger).mergeAndTest(line -> {});

    assertThat(again.merge().status()).isEqualTo(first.merge().status());
    assertThat(again.merge().merged()).isEqualTo(first.merge().merged());
    assertThat(sandbox.show(merger, again.merge().commit(), "api.txt")).isEqualTo("api");
  }
}
