package io.jenkins.plugins.parallelagents.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitEnvironment;
import io.jenkins.plugins.parallelagents.lifecycle.CleanedRun;
import io.jenkins.plugins.parallelagents.lifecycle.Retention;
import io.jenkins.plugins.parallelagents.lifecycle.StateRoot;
import io.jenkins.plugins.parallelagents.plan.CleanupSettings;
import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.plan.DatabaseCommands;
import io.jenkins.plugins.parallelagents.plan.DatabaseSettings;
import io.jenkins.plugins.parallelagents.plan.EnvironmentSettings;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs plans whose databases an engine other than PostgreSQL makes through the plan's commands:
 * here each "database" is a folder, made, copied and removed by shell commands.
 */
class CommandDatabasesTest extends EngineTestBase {

  private static final String PASSWORD = "Fs-pa55word-k2w";

  /** The task's database folder, from its URL. */
  private static final String DB = "DB=\"${DATABASE_URL#*@localhost}\"; ";

  private Path dbs() {
    return temp.resolve("dbs");
  }

  private EnvironmentSettings database(String create, String drop) {
    String folder = "'" + dbs() + "'/";
    return new EnvironmentSettings(
        new DatabaseSettings(
            "file://app:" + PASSWORD + "@localhost" + dbs() + "/{name}",
            List.of("APP_DB"),
            new DatabaseCommands(
                CommandSpec.shell(create),
                CommandSpec.shell("mkdir -p " + folder + "{name} && echo made {name}"),
                CommandSpec.shell(drop))));
  }

  private EnvironmentSettings database() {
    String folder = "'" + dbs() + "'/";
    return database(
        "cp -R " + folder + "{template} " + folder + "{name} && echo copied {template} to {name}",
        "rm -rf " + folder + "{name}");
  }

  /** A foundation that migrates its database, and two tasks that each write a row of their own. */
  private Plan plan(EnvironmentSettings environment, String first, String second) {
    return new Plans()
        .foundation("schema", DB + "echo v1 > \"$DB/schema\" && echo v1 > schema.txt")
        .task(first, DB + "echo " + first + " >> \"$DB/rows\" && echo x > a.txt", "schema")
        .task(second, DB + "echo " + second + " >> \"$DB/rows\" && echo y > b.txt", "schema")
        // The test's database is a fresh copy of the migrated foundation: no task's rows.
        .test(
            DB
                + "test -f \"$DB/schema\" && test ! -e \"$DB/rows\" && test \"$APP_DB\" = \"$DATABASE_URL\"")
        .environment(environment)
        .maxParallel(2)
        .build();
  }

  private RunReport run(Plan plan, String runId) throws Exception {
    return engine.run(
        plan, engine.options(repo).withStateRoot(temp.resolve("state")).withRunId(runId));
  }

  private List<String> databases() throws Exception {
    if (!Files.isDirectory(dbs())) {
      return List.of();
    }
    try (Stream<Path> all = Files.list(dbs())) {
      return all.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void parallelTasks_eachWriteOnlyTheirOwnCopy_andCleanRunsTheDropCommand() throws Exception {
    RunReport report = run(plan(database(), "api", "ui"), "r1");

    assertThat(report.tasks())
        .allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.SUCCEEDED));
    assertThat(report.test().status()).isEqualTo(TestStatus.PASSED);
    DatabaseNames names = new DatabaseNames("r1");
    assertThat(databases())
        .containsExactlyInAnyOrder(
            names.foundation(),
            names.template(),
            names.task("api"),
            names.task("ui"),
            names.test());
    assertThat(dbs().resolve(names.task("api")).resolve("rows")).hasContent("api");
    assertThat(dbs().resolve(names.task("ui")).resolve("rows")).hasContent("ui");
    assertThat(dbs().resolve(names.template()).resolve("schema")).hasContent("v1");
    assertThat(dbs().resolve(names.template()).resolve("rows")).doesNotExist();
    assertThat(report.task("api").orElseThrow().database())
        .isEqualTo("file://****@localhost" + dbs() + "/" + names.task("api"));
    Path folder = temp.resolve("state").resolve("runs").resolve("r1");
    assertThat(folder.resolve("databases").resolve(names.task("api") + ".log"))
        .content()
        .contains("copied " + names.template() + " to " + names.task("api"));
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
            .as(file.toString())
            .doesNotContain(PASSWORD);
      }
    }

    List<CleanedRun> cleaned = retention().clean(List.of("r1"), CleanupSettings.DEFAULT, false);

    assertThat(cleaned)
        .singleElement()
        .satisfies(c -> assertThat(c.action()).isEqualTo(CleanedRun.Action.REMOVE));
    assertThat(databases()).isEmpty();
    assertThat(new StateRoot(temp.resolve("state")).databaseLedger("r1")).doesNotExist();
  }

  @Test
  void failingCreate_failsTheTaskWithTheCommandsLastLines_beforeItsAgentRuns() throws Exception {
    Path marker = temp.resolve("agent-ran");
    Plan plan =
        new Plans()
            .foundation("schema", DB + "echo v1 > \"$DB/schema\" && echo v1 > schema.txt")
            .task("api", "touch '" + marker + "'", "schema")
            .environment(
                database(
                    // The template is made; the task's copy of it is not.
                    "case {name} in *_t_*) echo 'disk full while copying {template}' >&2; exit 4;;"
                        + " esac; cp -R '"
                        + dbs()
                        + "'/{template} '"
                        + dbs()
                        + "'/{name}",
                    "rm -rf '" + dbs() + "'/{name}"))
            .build();

    RunReport report = run(plan, "r2");

    DatabaseNames names = new DatabaseNames("r2");
    assertThat(report.task("schema").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(report.task("api").orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(report.task("api").orElseThrow().reason())
        .isEqualTo(
            "environment.database.create for "
                + names.task("api")
                + " failed (exit 4); its last lines: disk full while copying "
                + names.template());
    assertThat(marker).doesNotExist();
  }

  @Test
  void failingDrop_keepsTheRunAndItsLedger_soTheNextCleanTriesAgain() throws Exception {
    Path blocker = temp.resolve("busy");
    String folder = "'" + dbs() + "'/";
    EnvironmentSettings environment =
        database(
            "cp -R " + folder + "{template} " + folder + "{name}",
            "if test -e '"
                + blocker
                + "'; then echo '{name} is in use'; exit 1; fi; rm -rf "
                + folder
                + "{name}");
    RunReport report = run(plan(environment, "api", "ui"), "r3");
    assertThat(report.test().status()).isEqualTo(TestStatus.PASSED);
    Files.writeString(blocker, "");

    List<CleanedRun> refused = retention().clean(List.of("r3"), CleanupSettings.DEFAULT, false);

    assertThat(refused)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.action()).isEqualTo(CleanedRun.Action.KEEP);
              assertThat(c.reason()).contains("is in use");
            });
    assertThat(databases()).hasSize(5);
    assertThat(new StateRoot(temp.resolve("state")).databaseLedger("r3")).exists();

    Files.delete(blocker);
    List<CleanedRun> cleaned = retention().clean(List.of("r3"), CleanupSettings.DEFAULT, false);

    assertThat(cleaned)
        .singleElement()
        .satisfies(c -> assertThat(c.action()).isEqualTo(CleanedRun.Action.REMOVE));
    assertThat(databases()).isEmpty();
  }

  @Test
  void taskIdsThatAreNoIdentifiers_getSafeNamesOfTheirOwn() throws Exception {
    // '-' is no identifier character: both become x_y in the shell line, but for the hash.
    RunReport report = run(plan(database(), "x-y", "x_y"), "r4");

    assertThat(report.tasks())
        .allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.SUCCEEDED));
    DatabaseNames names = new DatabaseNames("r4");
    assertThat(names.task("x-y")).matches("[a-z0-9_]+").isNotEqualTo(names.task("x_y"));
    assertThat(dbs().resolve(names.task("x-y")).resolve("rows")).hasContent("x-y");
    assertThat(dbs().resolve(names.task("x_y")).resolve("rows")).hasContent("x_y");
  }

  @Test
  void nameThatIsShellSyntax_neverReachesTheShell() throws Exception {
    Path pwned = temp.resolve("pwned");
    Files.createDirectories(dbs());
    DatabaseSettings settings = database().database();
    try (LocalCommandRunner runner =
        new LocalCommandRunner(Map.of("PATH", System.getenv("PATH")))) {
      CommandDatabases databases =
          CommandDatabases.of(
              settings, temp, runner, temp.resolve("logs"), new DatabaseLedger(temp.resolve("l")));

      assertThatThrownBy(() -> databases.create("x; touch '" + pwned + "'", null))
          .isInstanceOf(DatabaseException.class)
          .hasMessageContaining("lowercase letters, digits and _ only");
      assertThatThrownBy(() -> databases.create("ok", "$(touch '" + pwned + "')"))
          .isInstanceOf(DatabaseException.class);
      assertThatThrownBy(() -> databases.drop("x`touch " + pwned + "`"))
          .isInstanceOf(DatabaseException.class);
    }
    assertThat(pwned).doesNotExist();
  }

  @Test
  void url_showsNoPassword_andThePasswordIsKnownForMasking() {
    assertThat(CommandDatabases.password("mysql://root:S3cr%40t@db:3306/{name}"))
        .isEqualTo("S3cr@t");
    assertThat(CommandDatabases.password("mysql://root@db/{name}")).isNull();
    assertThat(CommandDatabases.password("sqlite:///tmp/{name}.db")).isNull();
  }

  private Retention retention() {
    Map<String, String> environment = GitEnvironment.forEngine(git.environment());
    LocalCommandRunner runner = new LocalCommandRunner(environment);
    return new Retention(
        new StateRoot(temp.resolve("state")), new Git(runner, Map.of()), repo, Clock.systemUTC());
  }
}
