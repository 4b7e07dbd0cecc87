package io.jenkins.plugins.parallelagents.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.push.CleanPush;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
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
 * A host on another machine than the merge node (Jenkins' controller) publishes from the report the
 * merge returned to it: whatever runs in the merge node's workspace afterwards, rewriting {@code
 * report.json} or moving the integration branch, does not change what is pushed or recorded.
 */
class KeptReportPublishTest {

  @TempDir Path temp;
  private GitSandbox sandbox;
  private Path origin;
  private NodeCluster cluster;
  private Path merger;
  private RunReport kept;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new GitSandbox(temp);
    Path project = sandbox.repository("project", Map.of("README.md", "# project\n"));
    origin = sandbox.bareOrigin(project);
    Plan plan =
        new Plans()
            .task("api", "echo api > api.txt")
            .test("test -f api.txt && ! test -f evil.txt")
            .publish(new PublishSettings("origin", false))
            .target("agents/feature")
            .build();
    cluster = new NodeCluster(sandbox, origin, plan);
    cluster.start("job-11");
    merger = cluster.node("merge-node");
    NodeTask tasks = cluster.task(merger);
    tasks.runPlanAgent(tasks.prepare("api"), (step, line) -> {});
    RunReport merged = cluster.merge(merger).mergeAndTest(line -> {});
    assertThat(merged.test().status()).isEqualTo(TestStatus.PASSED);
    // What the host keeps: the report as the merge call returned it, over the wire as JSON.
    kept = new ReportJson().fromJson(new ReportJson().toJson(merged));
  }

  /**
   * What a step that ran in the workspace after the merge does: an untested commit on the
   * integration branch, and {@code report.json} rewritten to name it.
   */
  private String forgeTheWorkspace() throws Exception {
    NodeRun run = cluster.on(merger);
    String tested = kept.publish().commit();
    Path side = temp.resolve("side");
    sandbox.git(merger, "worktree", "add", "-q", "--detach", side.toString(), tested);
    Files.writeString(side.resolve("evil.txt"), "untested\n");
    sandbox.git(side, "add", "-A");
    sandbox.git(side, "commit", "-q", "-m", "Untested");
    String forged = sandbox.git(side, "rev-parse", "HEAD");
    sandbox.git(merger, "branch", "-f", run.branches().integration(), forged);
    Path reportJson = run.directory().reportJson();
    Files.writeString(reportJson, Files.readString(reportJson).replace(tested, forged));
    assertThat(new ReportUpdate(run).current().publish().commit()).isEqualTo(forged);
    return forged;
  }

  @Test
  void aRewrittenReportAndAMovedIntegrationBranch_doNotChangeWhatIsPushed() throws Exception {
    String tested = kept.publish().commit();
    String forged = forgeTheWorkspace();
    NodeRun run = cluster.on(merger);

    PublishRequest request = PublishRequest.of(kept, run.plan(), run.start());
    assertThat(request.commit()).isEqualTo(tested);
    PublishReport pushed;
    try (CleanPush push =
        CleanPush.stage(
            cluster.environment(), merger, request.commit(), temp.resolve("merge-node@tmp"))) {
      pushed = push.push(request, origin.toString(), Map.of());
    }

    assertThat(pushed.status()).isEqualTo(PublishStatus.PUSHED);
    assertThat(sandbox.git(origin, "rev-parse", "agents/feature")).isEqualTo(tested);
    assertThat(sandbox.show(origin, "agents/feature", "evil.txt")).isNull();
    RunReport recorded = new ReportUpdate(run).published(kept, pushed, 5);
    assertThat(recorded.publish().commit()).isEqualTo(tested).isNotEqualTo(forged);
    assertThat(recorded.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(new ReportUpdate(run).current().publish().commit()).isEqualTo(tested);
  }

  @Test
  void aReportRewrittenToRefusePublishing_orToPassARedTest_isNotWhatTheHostActsOn()
      throws Exception {
    NodeRun run = cluster.on(merger);
    Path reportJson = run.directory().reportJson();
    Files.writeString(
        reportJson, Files.readString(reportJson).replace("\"PENDING\"", "\"SKIPPED\""));

    assertThat(new ReportUpdate(run).request().allowed()).isFalse();
    assertThat(PublishRequest.of(kept, run.plan(), run.start()).allowed()).isTrue();
  }

  @Test
  void aPublishTheHostWithholds_isSkippedWithItsReason_andTheRunSucceeds() throws Exception {
    NodeRun run = cluster.on(merger);

    RunReport ended =
        new ReportUpdate(run)
            .withheld(kept, "pull request 42 comes from a fork: its result is never published");

    assertThat(ended.publish().status()).isEqualTo(PublishStatus.SKIPPED);
    assertThat(ended.publish().reason()).contains("comes from a fork");
    assertThat(ended.publish().commit()).isEqualTo(kept.publish().commit());
    assertThat(ended.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(new ReportUpdate(run).current().run().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(sandbox.git(origin, "branch", "--list", "agents/*")).isEmpty();
  }
}
