package io.jenkins.plugins.parallelagents.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.plan.DatabaseSettings;
import io.jenkins.plugins.parallelagents.plan.EnvironmentSettings;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PortSettings;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import io.jenkins.plugins.parallelagents.testing.LocalPorts;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-task environment on CI nodes: ports chosen where the task runs, databases' URLs. */
class NodePortsTest {

  @TempDir Path temp;
  private GitSandbox sandbox;
  private Path origin;
  private int base;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new GitSandbox(temp);
    Path project = sandbox.repository("project", Map.of("README.md", "# project\n"));
    origin = sandbox.bareOrigin(project);
    base = LocalPorts.freeRange(4);
  }

  private Plan plan() {
    return new Plans()
        .task("api", "echo $PORT > port.txt")
        .task("page", "true")
        .test("echo $PORT > test-port.txt && test -n \"$PORT\"")
        .environment(new EnvironmentSettings(new PortSettings(Map.of("PORT", base))))
        .build();
  }

  @Test
  void eachTaskGetsItsOwnPort_inThePlanAgent_theHostsBlock_andTheCombinedTest() throws Exception {
    NodeCluster cluster = new NodeCluster(sandbox, origin, plan());
    cluster.start("job-3");
    Path node = cluster.node("node-a");
    NodeTask tasks = cluster.task(node);

    PreparedTask api = tasks.prepare("api");
    TaskReport apiDone = tasks.runPlanAgent(api, (step, line) -> {});
    // The host's block runs in another call, as a later pipeline step would.
    PreparedTask page = cluster.task(node).prepare("page");
    Files.writeString(Path.of(page.worktree()).resolve("page.txt"), page.environment().get("PORT"));
    TaskReport pageDone = cluster.task(node).blockSucceeded(page, (step, line) -> {});

    assertThat(apiDone.status()).as(apiDone.reason()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(pageDone.status()).as(pageDone.reason()).isEqualTo(TaskStatus.SUCCEEDED);
    String apiPort = api.environment().get("PORT");
    String pagePort = page.environment().get("PORT");
    assertThat(apiPort).isNotNull().isNotEqualTo(pagePort);
    assertThat(sandbox.show(node, apiDone.branch(), "port.txt").strip()).isEqualTo(apiPort);
    assertThat(Files.readString(Path.of(api.promptFile()))).contains("PORT=" + apiPort);
    assertThat(apiDone.attempts().get(0).ports()).containsEntry("PORT", Integer.valueOf(apiPort));
    assertThat(pageDone.attempts().get(0).ports()).containsEntry("PORT", Integer.valueOf(pagePort));

    RunReport merged = cluster.merge(node).mergeAndTest(line -> {});
    assertThat(merged.test().status()).isEqualTo(TestStatus.PASSED);
    assertThat(merged.test().ports()).containsEntry("PORT", base);
  }

  @Test
  void aDatabaseUrlWithAPassword_isRefusedAtTheStart_sinceTheHostKeepsThePlan() {
    Plan plan =
        new Plans()
            .task("api", "true")
            .environment(
                new EnvironmentSettings(
                    new DatabaseSettings(
                        "postgresql://app:Kept-pa55word@127.0.0.1:5432/app", List.of())))
            .build();

    assertThatThrownBy(() -> new NodeCluster(sandbox, origin, plan).start("job-5"))
        .isInstanceOf(EnvironmentException.class)
        .hasMessage(
            "environment.database.url holds a password, which the build would keep with the plan")
        .satisfies(e -> assertThat(e.toString()).doesNotContain("Kept-pa55word"));
  }

  @Test
  void aDatabaseUrlWithoutAPassword_orFromAVariable_isAccepted() throws Exception {
    for (String url : List.of("postgresql://app@127.0.0.1:5432/app", "${APP_DATABASE_URL}")) {
      Plan plan =
          new Plans()
              .task("api", "true")
              .environment(new EnvironmentSettings(new DatabaseSettings(url, List.of())))
              .build();

      assertThat(new NodeCluster(sandbox, origin, plan).start("job-6").runId()).isEqualTo("job-6");
    }
  }

  @Test
  void aPortTakenOnTheNode_isSkippedThere() throws Exception {
    NodeCluster cluster = new NodeCluster(sandbox, origin, plan());
    cluster.start("job-4");
    Path node = cluster.node("node-a");
    PreparedTask free = cluster.task(node).prepare("api");
    int usual = Integer.parseInt(free.environment().get("PORT"));
    cluster.task(node).blockFailed(free, TaskStatus.CANCELLED, "only looking");

    try (ServerSocket taken = new ServerSocket(usual, 1, InetAddress.getLoopbackAddress())) {
      PreparedTask again = cluster.task(node).prepare("page");
      PreparedTask api = cluster.task(node).prepare("api");

      assertThat(Integer.parseInt(api.environment().get("PORT"))).isNotEqualTo(usual);
      assertThat(again.environment().get("PORT")).isNotEqualTo(api.environment().get("PORT"));
    }
  }
}
