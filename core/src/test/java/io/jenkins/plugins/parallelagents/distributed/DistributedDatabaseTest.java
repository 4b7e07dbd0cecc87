package io.jenkins.plugins.parallelagents.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.database.DatabaseNames;
import io.jenkins.plugins.parallelagents.plan.DatabaseSettings;
import io.jenkins.plugins.parallelagents.plan.EnvironmentSettings;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import io.jenkins.plugins.parallelagents.testing.Plans;
import io.jenkins.plugins.parallelagents.testing.Postgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A distributed run whose tasks each get a database of their own on a real PostgreSQL server, each
 * step on its own clone, the URL taken on each node from its environment.
 */
class DistributedDatabaseTest {

  private static final String PASSWORD = "Node-pa55word-q8z";
  private static final String PSQL = "psql -v ON_ERROR_STOP=1 -qtA \"$DATABASE_URL\" ";

  private static Postgres postgres;

  @TempDir Path temp;
  private GitSandbox sandbox;
  private Path origin;

  @BeforeAll
  static void startServer() throws Exception {
    postgres = Postgres.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new GitSandbox(temp);
    Path project = sandbox.repository("project", Map.of("README.md", "# project\n"));
    origin = sandbox.bareOrigin(project);
  }

  /** Inserts {@code rows} rows of its own, checks it sees no other, adds a migration of its own. */
  private static String insertingAgent(String task, int rows) {
    return PSQL
        + "-c \"INSERT INTO items(task) SELECT '"
        + task
        + "' FROM generate_series(1, "
        + rows
        + ")\" && test \"$("
        + PSQL
        + "-c 'SELECT count(*) FROM items')\" = "
        + rows
        + " && mkdir -p db && echo 'CREATE TABLE "
        + task
        + "_extra(id int);' > db/002_"
        + task
        + ".sql && "
        + PSQL
        + "-f db/002_"
        + task
        + ".sql";
  }

  private Plan plan(String url) {
    return new Plans()
        .foundation(
            "schema",
            "echo \"schema on $DATABASE_URL\" && mkdir -p db && echo 'CREATE TABLE items(task"
                + " text);' > db/001_items.sql && "
                + PSQL
                + "-f db/001_items.sql")
        .add(
            Plans.withVerify(
                Plans.task("api", false, "schema"),
                "test \"$(" + PSQL + "-c 'SELECT count(*) FROM items')\" = 2"),
            insertingAgent("api", 2))
        .add(
            Plans.withVerify(
                Plans.task("ui", false, "schema"),
                "test \"$(" + PSQL + "-c 'SELECT count(*) FROM items')\" = 3"),
            insertingAgent("ui", 3))
        .add(
            Plans.withSteps(
                Plans.task("worker", false, "schema"),
                null,
                "test \"$(" + PSQL + "-c 'SELECT count(*) FROM items')\" = 0"),
            "true")
        // A fresh copy of the migrated foundation: no task's rows; its setup applies every task's
        // migration.
        .test(
            "for f in db/002_*.sql; do " + PSQL + "-f \"$f\" || exit 1; done",
            "echo \"test on $DATABASE_URL\" && test \"$("
                + PSQL
                + "-c 'SELECT count(*) FROM items')\" = 0 && "
                + PSQL
                + "-c 'SELECT 1 FROM api_extra, ui_extra' >/dev/null")
        .environment(new EnvironmentSettings(new DatabaseSettings(url, List.of("APP_DB"))))
        .build();
  }

  @Test
  void eachNodesTaskWorksInItsOwnCopy_theTestSeesEveryMigration_andMergeDropsThemAll()
      throws Exception {
    NodeCluster cluster =
        new NodeCluster(sandbox, origin, plan("${APP_DATABASE_URL}"))
            .with("APP_DATABASE_URL", postgres.url(PASSWORD, "postgres"));
    cluster.start("job-21");
    String prefix = new DatabaseNames("job-21").prefix();
    Path nodeA = cluster.node("node-a");
    Path nodeB = cluster.node("node-b");
    Path nodeC = cluster.node("node-c");
    Path merger = cluster.node("merge-node");

    TaskReport schema = runPlanAgent(cluster, nodeA, "schema");
    assertThat(schema.status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(postgres.databases(prefix))
        .containsExactly(prefix + "foundation", prefix + "template");
    for (Path node : List.of(nodeB, nodeC, merger)) {
      cluster.carry("schema", nodeA, node);
    }

    // Two dependants on two nodes at the same moment, each writing rows of its own.
    CompletableFuture<TaskReport> api =
        CompletableFuture.supplyAsync(() -> runPlanAgentUnchecked(cluster, nodeB, "api"));
    CompletableFuture<TaskReport> ui =
        CompletableFuture.supplyAsync(() -> runPlanAgentUnchecked(cluster, nodeC, "ui"));
    assertThat(List.of(api.join(), ui.join())).hasSize(2);
    // A host's block: its environment names the task's database, without the password.
    NodeTask workerNode = cluster.task(nodeC);
    PreparedTask worker = workerNode.prepare("worker");
    assertThat(worker.environment())
        .containsEntry(
            "DATABASE_URL",
            "postgresql://postgres@127.0.0.1:" + postgres.port() + "/" + prefix + "t_worker")
        .containsEntry("APP_DB", worker.environment().get("DATABASE_URL"))
        .containsEntry("PGDATABASE", prefix + "t_worker")
        .doesNotContainKey("PGPASSWORD");
    assertThat(workerNode.setup(worker, (step, line) -> {})).isEmpty();
    Files.writeString(Path.of(worker.worktree()).resolve("worker.txt"), "worker\n");
    TaskReport workerDone = workerNode.blockSucceeded(worker, (step, line) -> {});

    assertThat(List.of(api.join(), ui.join(), workerDone))
        .allSatisfy(
            t ->
                assertThat(t.status())
                    .as(t.id() + ": " + t.reason())
                    .isEqualTo(TaskStatus.SUCCEEDED));
    assertThat(postgres.query(prefix + "t_api", "SELECT string_agg(DISTINCT task, ',') FROM items"))
        .isEqualTo("api");
    assertThat(postgres.query(prefix + "t_ui", "SELECT string_agg(DISTINCT task, ',') FROM items"))
        .isEqualTo("ui");
    assertThat(api.join().database())
        .endsWith("****@127.0.0.1:" + postgres.port() + "/" + prefix + "t_api")
        .doesNotContain(PASSWORD);
    cluster.carry("api", nodeB, merger);
    cluster.carry("ui", nodeC, merger);
    cluster.carry("worker", nodeC, merger);

    List<String> output = new ArrayList<>();
    RunReport merged = cluster.merge(merger).mergeAndTest(output::add);

    assertThat(merged.test().status()).as(merged.test().toString()).isEqualTo(TestStatus.PASSED);
    assertThat(postgres.databases(prefix)).isEmpty();
    assertThat(output)
        .anySatisfy(line -> assertThat(line).startsWith("dropped the run's databases: "));
    ReportJson json = new ReportJson();
    assertThat(json.toJson(merged) + ReportJson.newMapper().writeValueAsString(worker))
        .doesNotContain(PASSWORD);
    for (Path node : List.of(nodeA, nodeB, nodeC, merger)) {
      assertNoFileHolds(node, PASSWORD);
      assertNoFileHolds(node.resolveSibling(node.getFileName() + "@tmp"), PASSWORD);
    }
  }

  @Test
  void aNodeWithoutTheUrlsVariable_cannotPrepareTheTask_andSaysWhichVariable() throws Exception {
    NodeCluster cluster = new NodeCluster(sandbox, origin, plan("${APP_DATABASE_URL}"));
    cluster.start("job-22");

    PreparedTask schema = cluster.task(cluster.node("node-a")).prepare("schema");

    assertThat(schema.ready()).isFalse();
    assertThat(schema.failure())
        .isEqualTo(
            "environment.database.url is ${APP_DATABASE_URL}, and APP_DATABASE_URL is not set in"
                + " the environment the run starts with");
  }

  @Test
  void aUrlWithoutPassword_takesPgpasswordOnTheNode_andNoFileKeepsIt() throws Exception {
    NodeCluster cluster =
        new NodeCluster(
                sandbox,
                origin,
                plan("postgresql://postgres@127.0.0.1:" + postgres.port() + "/postgres"))
            .with("PGPASSWORD", PASSWORD);
    cluster.start("job-23");
    Path node = cluster.node("node-a");
    NodeTask tasks = cluster.task(node);

    TaskReport schema = tasks.runPlanAgent(tasks.prepare("schema"), (step, line) -> {});

    assertThat(schema.status()).as(schema.reason()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(postgres.databases(new DatabaseNames("job-23").prefix())).hasSize(2);
    assertNoFileHolds(node, PASSWORD);
    cluster.merge(node).mergeAndTest(line -> {});
    assertThat(postgres.databases(new DatabaseNames("job-23").prefix())).isEmpty();
  }

  private static void assertNoFileHolds(Path folder, String secret) throws Exception {
    if (!Files.isDirectory(folder)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> all = Files.walk(folder)) {
      files = all.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
          .as(file.toString())
          .doesNotContain(secret);
    }
  }

  private static TaskReport runPlanAgentUnchecked(NodeCluster cluster, Path node, String taskId) {
    try {
      return runPlanAgent(cluster, node, taskId);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static TaskReport runPlanAgent(NodeCluster cluster, Path node, String taskId)
      throws Exception {
    NodeTask tasks = cluster.task(node);
    return tasks.runPlanAgent(tasks.prepare(taskId), (step, line) -> {});
  }
}
