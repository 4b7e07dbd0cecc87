package io.jenkins.plugins.parallelagents.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitEnvironment;
import io.jenkins.plugins.parallelagents.lifecycle.CleanedRun;
import io.jenkins.plugins.parallelagents.lifecycle.Retention;
import io.jenkins.plugins.parallelagents.lifecycle.StateRoot;
import io.jenkins.plugins.parallelagents.plan.CleanupSettings;
import io.jenkins.plugins.parallelagents.plan.DatabaseSettings;
import io.jenkins.plugins.parallelagents.plan.EnvironmentSettings;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import io.jenkins.plugins.parallelagents.testing.Postgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs plans whose tasks each get a database of their own on a real PostgreSQL server. */
class DatabasePerTaskTest extends EngineTestBase {

  private static final String PASSWORD = "Db-pa55word-x7q";

  private static Postgres postgres;

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

  private EnvironmentSettings database(String url) {
    return new EnvironmentSettings(new DatabaseSettings(url, List.of("APP_DB")));
  }

  private EnvironmentSettings database() {
    return database(postgres.url(PASSWORD, "postgres"));
  }

  private static final String PSQL = "psql -v ON_ERROR_STOP=1 -qtA \"$DATABASE_URL\" ";

  /** Inserts {@code rows} rows of its own, then adds a migration of its own. */
  private static String insertingAgent(String task, int rows) {
    return PSQL
        + "-c \"INSERT INTO items(task) SELECT '"
        + task
        + "' FROM generate_series(1, "
        + rows
        + ")\" && mkdir -p db && echo 'CREATE TABLE "
        + DatabaseNames.safe(task)
        + "_extra(id int);' > db/002_"
        + task
        + ".sql && "
        + PSQL
        + "-f db/002_"
        + task
        + ".sql";
  }

  /** Passes when the task's database holds exactly its own {@code rows} rows and no other. */
  private static String countingVerify(String task, int rows) {
    return "test \"$("
        + PSQL
        + "-c \"SELECT count(*) FILTER (WHERE task = '"
        + task
        + "') || '/' || count(*) FROM items\")\" = '"
        + rows
        + "/"
        + rows
        + "' && test \"$APP_DB\" = \"$DATABASE_URL\"";
  }

  private Plan plan(EnvironmentSettings environment, String first, String second) {
    Plans plans =
        new Plans()
            .foundation(
                "schema",
                "mkdir -p db && echo 'CREATE TABLE items(task text);' > db/001_items.sql && "
                    + PSQL
                    + "-f db/001_items.sql")
            .add(
                Plans.withVerify(Plans.task(first, false, "schema"), countingVerify(first, 2)),
                insertingAgent(first, 2))
            .add(
                Plans.withVerify(Plans.task(second, false, "schema"), countingVerify(second, 3)),
                insertingAgent(second, 3))
            // The test's database is a fresh copy of the foundation: no task's rows, and its setup
            // applies every task's migrations.
            .test(
                "for f in db/002_*.sql; do " + PSQL + "-f \"$f\" || exit 1; done",
                "test \"$("
                    + PSQL
                    + "-c \"SELECT count(*) FROM items\")\" = 0 && "
                    + PSQL
                    + "-c 'SELECT 1 FROM "
                    + DatabaseNames.safe(first)
                    + "_extra' >/dev/null")
            .environment(environment)
            .maxParallel(2);
    return plans.build();
  }

  private RunReport run(Plan plan, String runId) throws Exception {
    return engine.run(
        plan, engine.options(repo).withStateRoot(temp.resolve("state")).withRunId(runId));
  }

  @Test
  void parallelTasks_eachSeeOnlyTheirOwnRows_andCleanDropsEveryDatabase() throws Exception {
    RunReport report = run(plan(database(), "api", "ui"), "r1");

    assertThat(report.tasks())
        .allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.SUCCEEDED));
    assertThat(report.test().status()).isEqualTo(TestStatus.PASSED);
    String prefix = new DatabaseNames("r1").prefix();
    // The report masks the whole user information of a URL, not only the password.
    assertThat(report.task("api").orElseThrow().database())
        .endsWith("****@127.0.0.1:" + postgres.port() + "/" + prefix + "t_api")
        .doesNotContain(PASSWORD);
    assertThat(report.task("schema").orElseThrow().database())
        .endsWith("/" + prefix + "foundation");
    assertThat(postgres.databases(prefix))
        .containsExactlyInAnyOrder(
            prefix + "foundation",
            prefix + "template",
            prefix + "t_api",
            prefix + "t_ui",
            prefix + "test");
    assertThat(postgres.query(prefix + "t_api", "SELECT count(*) FROM items")).isEqualTo("2");
    assertThat(postgres.query(prefix + "t_ui", "SELECT count(*) FROM items")).isEqualTo("3");
    // The plan's own database is only connected to.
    assertThat(
            postgres.query("postgres", "SELECT count(*) FROM pg_tables WHERE tablename = 'items'"))
        .isEqualTo("0");

    List<CleanedRun> cleaned = retention().clean(List.of("r1"), CleanupSettings.DEFAULT, false);

    assertThat(cleaned)
        .singleElement()
        .satisfies(c -> assertThat(c.action()).isEqualTo(CleanedRun.Action.REMOVE));
    assertThat(postgres.databases(prefix)).isEmpty();
  }

  @Test
  void taskIdsThatMeetOnceMadeSafe_stillGetADatabaseEach() throws Exception {
    // '-' is no identifier character: both ids become x_y, and only the hash keeps them apart.
    RunReport report = run(plan(database(), "x-y", "x_y"), "r2");

    assertThat(report.tasks())
        .allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.SUCCEEDED));
    DatabaseNames names = new DatabaseNames("r2");
    assertThat(names.task("x-y")).isNotEqualTo(names.task("x_y"));
    assertThat(postgres.query(names.task("x-y"), "SELECT count(*) FROM items")).isEqualTo("2");
    assertThat(postgres.query(names.task("x_y"), "SELECT count(*) FROM items")).isEqualTo("3");
  }

  @Test
  void password_appearsInNoFileOfTheRunFolder() throws Exception {
    Plan plan =
        new Plans()
            .foundation(
                "schema",
                "echo \"url is $DATABASE_URL, password is $PGPASSWORD\" && echo x > f && "
                    + PSQL
                    + "-c 'CREATE TABLE items(task text)'")
            .task("leaky", "echo \"$DATABASE_URL $PGPASSWORD $APP_DB\"; echo y > g", "schema")
            .test("echo \"test sees $DATABASE_URL $PGPASSWORD\"")
            .environment(database())
            .build();

    RunReport report = run(plan, "r3");

    assertThat(report.tasks())
        .allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.SUCCEEDED));
    Path folder = temp.resolve("state").resolve("runs").resolve("r3");
    List<Path> files;
    try (Stream<Path> all = Files.walk(folder)) {
      files = all.filter(Files::isRegularFile).toList();
    }
    assertThat(files).anySatisfy(f -> assertThat(f.toString()).endsWith("agent.log"));
    for (Path file : files) {
      assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
          .as(file.toString())
          .doesNotContain(PASSWORD);
    }
    assertThat(report.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void runFolderDeletedByHand_itsDatabasesAreDroppedByTheNextClean() throws Exception {
    Plan plan =
        new Plans()
            .foundation("schema", PSQL + "-c 'CREATE TABLE items(task text)'")
            .task("api", "echo a > a.txt", "schema")
            .environment(database())
            .build();
    run(plan, "r9");
    String prefix = new DatabaseNames("r9").prefix();
    assertThat(postgres.databases(prefix)).isNotEmpty();
    try (Stream<Path> all = Files.walk(temp.resolve("state").resolve("runs").resolve("r9"))) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }

    assertThat(retention().cleanAll(CleanupSettings.DEFAULT, true))
        .singleElement()
        .satisfies(c -> assertThat(c.reason()).contains("would be dropped"));
    assertThat(postgres.databases(prefix)).as("after a dry run").isNotEmpty();
    List<CleanedRun> cleaned = retention().cleanAll(CleanupSettings.DEFAULT, false);

    assertThat(cleaned)
        .singleElement()
        .satisfies(c -> assertThat(c.runId()).isEqualTo("r9"))
        .satisfies(c -> assertThat(c.action()).isEqualTo(CleanedRun.Action.REMOVE));
    assertThat(postgres.databases(prefix)).isEmpty();
    assertThat(temp.resolve("state").resolve("databases").resolve("r9.json")).doesNotExist();
  }

  @Test
  void unreachableServer_isAnEnvironmentProblemBeforeAnyAgentRuns() throws Exception {
    Path marker = temp.resolve("agent-ran");
    Plan plan =
        new Plans()
            .task("api", "touch " + marker)
            .environment(database("postgresql://app:" + PASSWORD + "@127.0.0.1:1/app"))
            .build();

    assertThatThrownBy(() -> run(plan, "r4"))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining(
            "cannot connect to the database server postgresql://app:****@127.0.0.1:1/app")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
    assertThat(marker).doesNotExist();
  }

  private Retention retention() {
    Map<String, String> environment = GitEnvironment.forEngine(git.environment());
    LocalCommandRunner runner = new LocalCommandRunner(environment);
    return new Retention(
        new StateRoot(temp.resolve("state")), new Git(runner, Map.of()), repo, Clock.systemUTC());
  }
}
