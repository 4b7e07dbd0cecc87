package io.jenkins.plugins.parallelagents.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Postgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled example with {@code environment.database} on: its migrations make real tables, and
 * every task's tests run against its own migrated copy.
 */
class ExampleDatabaseTest extends EngineTestBase {

  /** Surefire runs in core/; the example is in the checkout's examples/. */
  private static final Path EXAMPLE =
      Path.of("").toAbsolutePath().getParent().resolve("examples/notification-preferences");

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

  @Override
  protected Map<String, String> initialFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> all = Files.walk(EXAMPLE)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        files.put(
            EXAMPLE.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return files;
  }

  @Test
  void example_migratesTheFoundationOnce_andEveryTaskTestsOnItsOwnCopy() throws Exception {
    String yaml =
        Files.readString(repo.resolve("agents-plan.yaml"), StandardCharsets.UTF_8)
            .replace("${DEMO_DATABASE_URL}", postgres.url("example-pw", "postgres"));
    Plan plan =
        new PlanParser().parse(yaml, "agents-plan.yaml").withPublish(PublishSettings.LOCAL_ONLY);

    RunReport report =
        engine.run(
            plan, engine.options(repo).withStateRoot(temp.resolve("state")).withRunId("demo"));

    assertThat(report.tasks())
        .allSatisfy(t -> assertThat(t.status()).as(t.reason()).isEqualTo(TaskStatus.SUCCEEDED));
    assertThat(report.test().status()).isEqualTo(TestStatus.PASSED);
    DatabaseNames names = new DatabaseNames("demo");
    for (String database :
        new String[] {names.task("api"), names.task("settings-page"), names.test()}) {
      assertThat(
              postgres.query(
                  database,
                  "SELECT string_agg(version, ',' ORDER BY version) FROM schema_migrations"))
          .as(database)
          .isEqualTo("V1,V2");
      assertThat(postgres.query(database, "SELECT count(*) FROM notification_preferences"))
          .isEqualTo("0");
    }
    Path apiVerify = temp.resolve("state/runs/demo/tasks/api");
    try (Stream<Path> logs = Files.walk(apiVerify)) {
      assertThat(logs.filter(f -> f.getFileName().toString().startsWith("verify")))
          .singleElement()
          .satisfies(
              log ->
                  assertThat(Files.readString(log))
                      .contains("database " + names.task("api") + ": migrated up to V2")
                      .doesNotContain("applied"));
    }
  }
}
