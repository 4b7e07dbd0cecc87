package io.jenkins.plugins.parallelagents.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import io.jenkins.plugins.parallelagents.process.LaunchingCommandRunner;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import io.jenkins.plugins.parallelagents.testing.PrefixingLauncher;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose host launches the plan's commands elsewhere (a container): setup, the agent, verify
 * and the test go through the host's launcher, git's own calls do not.
 */
class LaunchedStepsTest {

  /**
   * Setup, agent, verify and test each show the variable only the launcher sets; verify and the
   * test fail without it (the plugin's pipeline test runs the same plan).
   */
  private static final String PLAN =
      """
      version: 1
      name: decorated
      target: agents/decorated
      agents:
        write:
          command: 'echo "$DECORATED" > agent.txt && cp setup-saw setup.txt'
      defaults:
        agent: write
      tasks:
        - id: api
          prompt: Add the endpoint.
          setup: 'echo "$DECORATED" > setup-saw'
          verify: 'test "$DECORATED" = yes'
      test:
        command: >-
          echo "test saw DECORATED=$DECORATED" && echo 'kept $PATH as written'
          && test "$DECORATED" = yes
      """;

  @TempDir Path temp;
  private GitSandbox sandbox;
  private Path origin;
  private final List<LaunchingCommandRunner> runners = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new GitSandbox(temp);
    origin = sandbox.bareOrigin(sandbox.repository("project", Map.of("README.md", "# p\n")));
  }

  @AfterEach
  void closeRunners() {
    runners.forEach(LaunchingCommandRunner::close);
  }

  @Test
  void setupAgentVerifyAndTest_runThroughTheHostsLauncher_gitDoesNot() throws Exception {
    Plan plan = new PlanParser().parse(PLAN, "agents-plan.yaml");
    NodeCluster cluster = new NodeCluster(sandbox, origin, plan);
    cluster.start("job-3");
    Path node = cluster.node("node-a");
    Path merger = cluster.node("merge-node");
    PrefixingLauncher launcher = new PrefixingLauncher(List.of("env", "DECORATED=yes"));

    NodeTask tasks =
        new NodeTask(cluster.on(node), launching(cluster, launcher), cluster.environment());
    TaskReport api = tasks.runPlanAgent(tasks.prepare("api"), (step, line) -> {});
    cluster.carry("api", node, merger);
    List<String> output = new CopyOnWriteArrayList<>();
    RunReport merged =
        new NodeMerge(cluster.on(merger), launching(cluster, launcher), cluster.environment())
            .mergeAndTest(output::add);

    assertThat(api.status()).as(api.reason()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(sandbox.git(node, "show", api.branch() + ":agent.txt")).isEqualTo("yes");
    assertThat(sandbox.git(node, "show", api.branch() + ":setup.txt")).isEqualTo("yes");
    assertThat(merged.merge().status()).isEqualTo(MergeStatus.MERGED);
    assertThat(merged.test().status()).isEqualTo(TestStatus.PASSED);
    assertThat(output).contains("test saw DECORATED=yes", "kept $PATH as written");
    assertThat(launcher.launched())
        .as("setup, agent, verify, test")
        .hasSizeGreaterThanOrEqualTo(4)
        .noneMatch(argv -> argv.get(0).equals("git") || argv.get(0).endsWith("/git"));
  }

  private LaunchingCommandRunner launching(NodeCluster cluster, PrefixingLauncher launcher) {
    LaunchingCommandRunner runner = new LaunchingCommandRunner(cluster.runner(), launcher);
    runners.add(runner);
    return runner;
  }
}
