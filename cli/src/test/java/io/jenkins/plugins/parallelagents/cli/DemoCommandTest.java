package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.database.DatabaseNames;
import io.jenkins.plugins.parallelagents.database.ThrowawayServer;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.report.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The bundled example end to end: real git, real agent processes, the real engine. */
class DemoCommandTest {

  /** The checkout this module is in: surefire runs the tests in cli/. */
  private static final Path CHECKOUT = Path.of("").toAbsolutePath().getParent();

  @TempDir Path tmp;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void demo_runsTheExampleAndPublishesTheTargetBranchToOrigin() throws Exception {
    Path demo = tmp.resolve("demo");
    Host host = Cli.isolatedHost(tmp.resolve("home"), tmp, CHECKOUT);

    Cli.Result result = Cli.run(host, "demo", "--dir", demo.toString());

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.OK);
    Plan plan =
        new PlanParser()
            .parse(CHECKOUT.resolve(ExampleLocator.EXAMPLE).resolve(ExampleLocator.PLAN_FILE));
    GitProcess git = new GitProcess(host.environment());
    String published =
        git.require(
            demo,
            "--git-dir",
            demo.resolve("origin.git").toString(),
            "rev-parse",
            "--verify",
            "refs/heads/" + plan.target());
    assertThat(result.out())
        .contains("SUCCEEDED")
        .contains(
            "Verified:    origin.git has " + plan.target() + " at " + published.substring(0, 12))
        .contains("Demo folder: " + demo.toRealPath())
        .doesNotContain("removed");
    assertThat(result.err()).isEmpty();
    assertThat(demo.resolve("state")).isDirectory();
    assertThat(Files.exists(tmp.resolve("home/.cache")))
        .as("nothing written to the cache")
        .isFalse();
    eachParallelTask_startedTheServerOnAPortOfItsOwn(demo);
    eachTask_workedInADatabaseOfItsOwn_andTheTestInOneWithEveryMigration(demo, result.out());
  }

  /**
   * With PostgreSQL installed, the demo makes a server of its own: the migration task migrates the
   * foundation's database, every other task and the combined test get a migrated copy.
   */
  private static void eachTask_workedInADatabaseOfItsOwn_andTheTestInOneWithEveryMigration(
      Path demo, String out) throws Exception {
    if (ThrowawayServer.binaries() == null) {
      assertThat(out).contains("Databases:  none, ");
      return;
    }
    assertThat(out).contains("Databases:  one per task on a PostgreSQL server made for the demo");
    Path run;
    try (Stream<Path> reports = Files.walk(demo.resolve("state"))) {
      run = reports.filter(p -> p.endsWith("report.json")).findFirst().orElseThrow().getParent();
    }
    RunReport report =
        ReportJson.newMapper().readValue(run.resolve("report.json").toFile(), RunReport.class);
    DatabaseNames names = new DatabaseNames(report.run().id());
    assertThat(report.task("migration").orElseThrow().database())
        .endsWith("/" + names.foundation());
    for (String task : List.of("api", "notifications", "settings-page")) {
      assertThat(report.task(task).orElseThrow().database()).endsWith("/" + names.task(task));
      assertThat(Files.readString(run.resolve(RunDirectory.relativeStepLog(task, 1, 1, "verify"))))
          .as(task + "'s verify")
          .contains("database " + names.task(task) + ": migrated up to V2");
    }
    assertThat(Files.readString(run.resolve("test.log")))
        .contains("database " + names.test() + ": migrated up to V2");
  }

  /** Every task's tests start the shop's server on $PORT; the parallel ones at the same time. */
  private static void eachParallelTask_startedTheServerOnAPortOfItsOwn(Path demo) throws Exception {
    Path run;
    try (Stream<Path> reports = Files.walk(demo.resolve("state"))) {
      run = reports.filter(p -> p.endsWith("report.json")).findFirst().orElseThrow().getParent();
    }
    RunReport report =
        ReportJson.newMapper().readValue(run.resolve("report.json").toFile(), RunReport.class);
    List<Integer> ports = new ArrayList<>();
    for (String task : List.of("api", "notifications")) {
      Integer port = report.task(task).orElseThrow().attempts().get(0).ports().get("PORT");
      assertThat(Files.readString(run.resolve(RunDirectory.relativeStepLog(task, 1, 1, "verify"))))
          .as(task + "'s verify")
          .contains("server answered on port " + port);
      ports.add(port);
    }
    assertThat(ports).doesNotHaveDuplicates().doesNotContain(report.test().ports().get("PORT"));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void demo_inATempFolder_withClean_removesItAfterwards() throws Exception {
    Host host = Cli.isolatedHost(tmp.resolve("home"), tmp, CHECKOUT);

    Cli.Result result = Cli.run(host, "demo", "--clean");

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.OK);
    String folder =
        result.outLines().stream()
            .filter(line -> line.startsWith("Demo folder: "))
            .findFirst()
            .orElseThrow()
            .substring("Demo folder: ".length());
    assertThat(Path.of(folder)).doesNotExist();
    assertThat(result.out()).contains("Demo folder removed (--clean).");
  }

  @Test
  void nonEmptyDir_isAUsageError() throws Exception {
    Files.writeString(tmp.resolve("something"), "x");

    Cli.Result result =
        Cli.run(
            Cli.isolatedHost(tmp.resolve("home"), tmp, CHECKOUT), "demo", "--dir", tmp.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines().get(0)).contains("is not an empty folder");
  }
}
