package io.jenkins.plugins.parallelagents.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.plan.MergeSettings;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan run task by task on separate clones, results carried between them as hand-offs. */
class DistributedRunTest {

  @TempDir Path temp;
  private GitSandbox sandbox;
  private Path project;
  private Path origin;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new GitSandbox(temp);
    project = sandbox.repository("project", Map.of("README.md", "# project\n"));
    origin = sandbox.bareOrigin(project);
  }

  private Plan feature() {
    return new Plans()
        .foundation("schema", "echo 'create table prefs;' > schema.sql")
        .task("api", "test -f schema.sql && echo api > api.txt", "schema")
        .task("worker", "echo unused", "schema")
        .task("page", "test -f api.txt && echo page > page.txt", "api")
        .test("test -f schema.sql && test -f api.txt && test -f worker.txt && test -f page.txt")
        .publish(new PublishSettings("origin", false))
        .target("agents/feature")
        .build();
  }

  @Test
  void tasksOnSeparateNodes_combineIntoOneTestedBranchOnTheRemote() throws Exception {
    NodeCluster cluster = new NodeCluster(sandbox, origin, feature());
    cluster.start("job-7");
    Path nodeA = cluster.node("node-a");
    Path nodeB = cluster.node("node-b");
    Path merger = cluster.node("merge-node");

    TaskReport schema = runPlanAgent(cluster, nodeA, "schema");
    assertThat(schema.status()).isEqualTo(TaskStatus.SUCCEEDED);
    cluster.carry("schema", nodeA, nodeB);

    TaskReport api = runPlanAgent(cluster, nodeA, "api");
    // The pipeline block is the agent here: the host writes the file between setup and the end.
    NodeTask workerNode = cluster.task(nodeB);
    PreparedTask worker = workerNode.prepare("worker");
    assertThat(workerNode.setup(worker, (step, line) -> {})).isEmpty();
    Files.writeString(Path.of(worker.worktree()).resolve("worker.txt"), "worker\n");
    assertThat(worker.environment())
        .containsEntry("AGENT_TASK_ID", "worker")
        .containsEntry("AGENT_BRANCH", "agents/job-7/worker")
        .containsEntry("AGENT_WORKTREE", worker.worktree());
    TaskReport workerDone = workerNode.blockSucceeded(worker, (step, line) -> {});

    cluster.carry("api", nodeA, nodeB);
    TaskReport page = runPlanAgent(cluster, nodeB, "page");
    assertThat(List.of(api.status(), workerDone.status(), page.status()))
        .containsOnly(TaskStatus.SUCCEEDED);

    for (String id : List.of("schema", "api")) {
      cluster.carry(id, nodeA, merger);
    }
    for (String id : List.of("worker", "page")) {
      cluster.carry(id, nodeB, merger);
    }
    RunReport merged = cluster.merge(merger).mergeAndTest(line -> {});
    assertThat(merged.merge().status()).isEqualTo(MergeStatus.MERGED);
    assertThat(merged.test().status()).isEqualTo(TestStatus.PASSED);
    assertThat(merged.publish().status()).isEqualTo(PublishStatus.PENDING);
    assertThat(merged.run().status()).isEqualTo(RunStatus.RUNNING);

    ReportUpdate update = new ReportUpdate(cluster.on(merger));
    PublishRequest request = update.request();
    assertThat(request.allowed()).isTrue();
    // The host pushes with its own credentials; here, plain git.
    sandbox.git(
        merger, "push", "-q", "origin", request.commit() + ":refs/heads/" + request.branch());
    RunReport done = update.published(request.pushed(), 5);

    assertThat(done.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(done.timing().phasesMs()).containsKeys("prediction", "merge", "test", "publish");
    for (String file : List.of("schema.sql", "api.txt", "worker.txt", "page.txt")) {
      assertThat(sandbox.show(origin, "agents/feature", file)).as(file).isNotNull();
    }
    assertThat(sandbox.git(origin, "log", "--format=%B", "agents/feature"))
        .contains("Agent-Task: worker", "Agent-Name: " + NodeTask.BLOCK_AGENT, "Agent-Run: job-7");
    RunDirectory reports = cluster.on(merger).directory();
    for (String name : List.of("report.json", "report.html", "report.md", "junit.xml")) {
      assertThat(reports.root().resolve(name)).isRegularFile();
    }
    for (Path node : List.of(nodeA, nodeB, merger)) {
      assertThat(sandbox.git(node, "status", "--porcelain")).as("checkout " + node).isEmpty();
    }
  }

  @Test
  void aConflictBetweenTwoNodes_setsTheLaterTaskAside_namingTheFileAndTheTasks() throws Exception {
    Plan plan =
        new Plans()
            .task("left", "echo left > shared.txt")
            .task("right", "echo right > shared.txt")
            .merge(MergeSettings.DEFAULT)
            .build();
    NodeCluster cluster = new NodeCluster(sandbox, origin, plan);
    cluster.start("job-8");
    Path nodeA = cluster.node("node-a");
    Path nodeB = cluster.node("node-b");
    runPlanAgent(cluster, nodeA, "left");
    runPlanAgent(cluster, nodeB, "right");
    cluster.carry("right", nodeB, nodeA);

    RunReport report = cluster.merge(nodeA).mergeAndTest(line -> {});

    assertThat(report.merge().status()).isEqualTo(MergeStatus.PARTIAL);
    assertThat(report.merge().reason()).contains("shared.txt", "right", "left");
    assertThat(report.merge().merged()).containsExactly("left");
    assertThat(report.predictedConflicts()).hasSize(1);
    assertThat(report.publish().status()).isEqualTo(PublishStatus.PENDING);
    PublishRequest request = new ReportUpdate(cluster.on(nodeA)).request();
    assertThat(request.refusal()).isNull();
    assertThat(sandbox.show(nodeA, request.commit(), "shared.txt")).isEqualTo("left");
    RunReport ended =
        new ReportUpdate(cluster.on(nodeA))
            .published(
                new PublishReport(
                    null, request.branch(), request.commit(), PublishStatus.UPDATED, null),
                5);
    assertThat(ended.run().status()).isEqualTo(RunStatus.PARTIAL);
  }

  @Test
  void aFailedBlockKeepsItsWorkOnTheBranchAndItsDependantsAreSkipped() throws Exception {
    Plan plan = new Plans().task("api", "true").task("page", "true", "api").build();
    NodeCluster cluster = new NodeCluster(sandbox, origin, plan);
    cluster.start("job-9");
    Path node = cluster.node("node-a");
    NodeTask tasks = cluster.task(node);
    PreparedTask api = tasks.prepare("api");
    Files.writeString(Path.of(api.worktree()).resolve("half-done.txt"), "draft\n");

    TaskReport failed = tasks.blockFailed(api, TaskStatus.FAILED, "script returned exit code 2");

    assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(failed.reason()).isEqualTo("script returned exit code 2");
    Path merger = cluster.node("merge-node");
    cluster.carry("api", node, merger);
    RunReport report = cluster.merge(merger).mergeAndTest(line -> {});
    assertThat(sandbox.show(merger, "agents/job-9/api", "half-done.txt")).isEqualTo("draft");
    assertThat(report.task("page").orElseThrow().status()).isEqualTo(TaskStatus.SKIPPED);
    assertThat(report.merge().status()).isEqualTo(MergeStatus.SKIPPED);
    assertThat(report.run().reason()).contains("task 'api' FAILED");
  }

  @Test
  void aHostAgentRunsBetweenTheTasksSetupAndVerify() throws Exception {
    Task checked =
        Plans.withSteps(
            Plans.task("api", false), "echo ready > .setup-ran", "grep -q done api.txt");
    Task broken = Plans.withSteps(Plans.task("page", false), "exit 3", null);
    Plan plan = new Plans().add(checked, "true").add(broken, "true").build();
    NodeCluster cluster = new NodeCluster(sandbox, origin, plan);
    cluster.start("job-13");
    NodeTask tasks = cluster.task(cluster.node("node-a"));

    PreparedTask api = tasks.prepare("api");
    assertThat(tasks.setup(api, (step, line) -> {})).isEmpty();
    assertThat(Path.of(api.worktree()).resolve(".setup-ran")).exists();
    Files.writeString(Path.of(api.worktree()).resolve("api.txt"), "half\n");
    TaskReport unverified = tasks.blockSucceeded(api, (step, line) -> {});

    PreparedTask page = tasks.prepare("page");
    Optional<TaskReport> setupFailed = tasks.setup(page, (step, line) -> {});

    assertThat(unverified.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(unverified.reason()).isEqualTo("verify failed (exit 1)");
    assertThat(unverified.changedFiles()).contains("api.txt");
    assertThat(setupFailed).get().extracting(TaskReport::reason).isEqualTo("setup failed (exit 3)");
  }

  @Test
  void whatAHostKeepsBetweenCallsSurvivesJson() throws Exception {
    NodeCluster cluster = new NodeCluster(sandbox, origin, feature());
    RunStart start = cluster.start("job-15");
    PreparedTask prepared = cluster.task(cluster.node("node-a")).prepare("schema");
    PublishRequest request = new PublishRequest("origin", "agents/feature", "abc", false, null);
    com.fasterxml.jackson.databind.ObjectMapper json =
        io.jenkins.plugins.parallelagents.report.ReportJson.newMapper();

    for (Object value : List.of(start, prepared, request)) {
      assertThat(json.readValue(json.writeValueAsString(value), value.getClass())).isEqualTo(value);
    }
  }

  @Test
  void aFailedFoundationSkipsEveryLaterTaskInTheReport() throws Exception {
    Plan plan = new Plans().foundation("schema", "true").task("api", "true").build();
    NodeCluster cluster = new NodeCluster(sandbox, origin, plan);
    cluster.start("job-14");
    Path node = cluster.node("node-a");
    NodeTask tasks = cluster.task(node);
    tasks.blockFailed(tasks.prepare("schema"), TaskStatus.FAILED, "exit 1");

    RunReport report = cluster.merge(node).mergeAndTest(line -> {});

    TaskReport api = report.task("api").orElseThrow();
    assertThat(api.status()).isEqualTo(TaskStatus.SKIPPED);
    assertThat(api.reason()).isEqualTo("foundation task 'schema' did not succeed");
  }

  @Test
  void aTaskWhoseNeedWasNotHandedOverDoesNotStartAndSaysWhy() throws Exception {
    Plan plan = new Plans().task("api", "true").task("page", "echo x > x", "api").build();
    NodeCluster cluster = new NodeCluster(sandbox, origin, plan);
    cluster.start("job-10");
    NodeTask tasks = cluster.task(cluster.node("node-a"));

    PreparedTask page = tasks.prepare("page");
    Optional<TaskReport> ended = tasks.setup(page, (step, line) -> {});

    assertThat(page.ready()).isFalse();
    assertThat(ended).get().extracting(TaskReport::status).isEqualTo(TaskStatus.FAILED);
    assertThat(ended.get().reason()).contains("'api'", "has not handed off a result here");
  }

  @Test
  void aNodeWithoutTheRunsBaseCannotTakeAHandoffAndIsToldWhy() throws Exception {
    NodeCluster cluster =
        new NodeCluster(sandbox, origin, new Plans().task("api", "echo a > a").build());
    cluster.start("job-11");
    Path node = cluster.node("node-a");
    runPlanAgent(cluster, node, "api");
    Path unrelated = sandbox.repository("unrelated", Map.of("other.txt", "x\n"));
    cluster.carry("api", node, unrelated);

    assertThatThrownBy(() -> cluster.merge(unrelated).mergeAndTest(line -> {}))
        .isInstanceOf(HandoffException.class)
        .hasMessageContaining("cannot take the result of task 'api'")
        .hasMessageContaining("base commit");
  }

  @Test
  void thePlanOutlineListsStagesInTheOrderTheyStart() throws Exception {
    NodeCluster cluster = new NodeCluster(sandbox, origin, feature());
    RunStart start = cluster.start("job-12");

    Map<String, Object> outline = PlanOutline.of(feature(), "agents-plan.yaml", start);

    assertThat(outline)
        .containsEntry("runId", "job-12")
        .containsEntry("target", "agents/feature")
        .containsEntry("handoff", ".parallel-agents/handoff/job-12")
        .containsEntry("reports", ".parallel-agents/runs/job-12")
        .containsEntry("foundation", List.of("schema"))
        .containsEntry("fanOut", List.of("api", "worker", "page"))
        .containsEntry("hasTest", true)
        .containsEntry("failFast", false);
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> tasks =
        (Map<String, Map<String, Object>>) outline.get("tasks");
    assertThat(tasks.get("page")).containsEntry("needs", List.of("api"));
    assertThat(new ArrayList<>(tasks.keySet())).containsExactly("schema", "api", "worker", "page");
  }

  @Test
  void aPullRequestPublishesToItsOwnBranchFromItsHead() throws Exception {
    Path checkout = new NodeCluster(sandbox, origin, feature()).node("pr-node");
    String head = sandbox.git(checkout, "rev-parse", "HEAD");

    RunStart start =
        RunStart.resolve(
            new io.jenkins.plugins.parallelagents.git.Git(
                new NodeCluster(sandbox, origin, feature()).runner(), sandbox.environment()),
            feature(),
            checkout,
            "pr-42-3",
            "42",
            0);

    assertThat(start.target()).isEqualTo("agents/pr-42");
    assertThat(start.baseCommit()).isEqualTo(head);
    assertThat(RunStart.runIdForBuild("Team/Payments Service", 17))
        .isEqualTo("team-payments-service-17");
  }

  @Test
  void eachPullRequestBuildReplacesItsBranchWhileOtherBuildsNeverOverwriteTheTarget()
      throws Exception {
    Plan plan =
        new Plans()
            .task("api", "echo \"$AGENT_RUN_ID\" > api.txt")
            .publish(new PublishSettings("origin", false))
            .build();
    for (String runId : List.of("pr-build-1", "pr-build-2")) {
      Merged merged = mergeOnce(plan, runId, "42");
      assertThat(merged.request().force()).isTrue();
      assertThat(push(merged).exitCode()).isZero();
    }
    assertThat(sandbox.show(origin, "agents/pr-42", "api.txt")).isEqualTo("pr-build-2");

    assertThat(push(mergeOnce(plan, "main-build-1", null)).exitCode()).isZero();
    Merged second = mergeOnce(plan, "main-build-2", null);
    assertThat(second.request().force()).isFalse();
    ProcessResult refused = push(second);

    assertThat(refused.exitCode()).isNotZero();
    assertThat(second.request().failed(refused.output()).status())
        .isEqualTo(PublishStatus.REJECTED);
    assertThat(sandbox.show(origin, "agents/feature", "api.txt")).isEqualTo("main-build-1");
  }

  private record Merged(Path node, PublishRequest request) {}

  /** One run of {@code plan} on a node of its own, merged and ready to publish. */
  private Merged mergeOnce(Plan plan, String runId, String changeId) throws Exception {
    NodeCluster cluster = new NodeCluster(sandbox, origin, plan);
    cluster.start(runId, changeId);
    Path node = cluster.node("node-" + runId);
    runPlanAgent(cluster, node, "api");
    cluster.merge(node).mergeAndTest(line -> {});
    PublishRequest request = new ReportUpdate(cluster.on(node)).request();
    assertThat(request.allowed()).as(request.refusal()).isTrue();
    return new Merged(node, request);
  }

  private record ProcessResult(int exitCode, String output) {}

  /** The push a host makes from the merge node, with plain git: forced only when asked. */
  private ProcessResult push(Merged merged) {
    PublishRequest request = merged.request();
    List<String> argv = new ArrayList<>(List.of("git", "push"));
    if (request.force()) {
      argv.add("--force");
    }
    argv.add("origin");
    argv.add(request.commit() + ":refs/heads/" + request.branch());
    ProcessBuilder builder = new ProcessBuilder(argv).directory(merged.node().toFile());
    builder.environment().putAll(sandbox.environment());
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes());
      return new ProcessResult(process.waitFor(), output);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static TaskReport runPlanAgent(NodeCluster cluster, Path node, String taskId)
      throws Exception {
    NodeTask tasks = cluster.task(node);
    return tasks.runPlanAgent(tasks.prepare(taskId), (step, line) -> {});
  }
}
