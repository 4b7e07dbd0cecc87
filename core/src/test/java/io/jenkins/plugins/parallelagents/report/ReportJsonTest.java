package io.jenkins.plugins.parallelagents.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {

  private final ReportJson json = new ReportJson();

  @TempDir Path dir;

  @Test
  void writeThenRead_givesBackTheSameReport() throws IOException {
    RunReport report = SampleRun.report();
    Path file = dir.resolve("report.json");

    json.write(report, file);

    assertThat(json.read(file)).isEqualTo(report);
  }

  @Test
  void runningReport_withNoPhasesYet_roundTrips() throws IOException {
    RunReport running =
        new RunReport(
            RunReport.SCHEMA,
            new RunInfo("r", "n", RunStatus.RUNNING, null, null, null, null, null, null),
            List.of(TaskReport.pending("api", "API", false, List.of())),
            List.of(),
            null,
            null,
            null,
            null);

    assertThat(json.fromJson(json.toJson(running))).isEqualTo(running);
  }

  @Test
  void topLevelFields_areTheSchemaOnesInOrder() throws IOException {
    JsonNode root = tree(SampleRun.report());

    assertThat(names(root))
        .containsExactly(
            "schema",
            "run",
            "tasks",
            "predictedConflicts",
            "merge",
            "test",
            "publish",
            "timing",
            "usage",
            "budget");
    assertThat(root.get("schema").asText()).isEqualTo("parallel-agents/report@1");
  }

  @Test
  void nestedFields_includeEveryNameTheDesignPromises() throws IOException {
    JsonNode root = tree(SampleRun.report());
    JsonNode task = root.get("tasks").get(1);

    assertThat(names(root.get("run")))
        .contains("id", "name", "status", "base", "target", "startedAt", "finishedAt");
    assertThat(names(root.get("run").get("base"))).containsExactly("ref", "commit");
    assertThat(names(task))
        .contains(
            "id",
            "title",
            "foundation",
            "needs",
            "status",
            "branch",
            "commit",
            "attempts",
            "chosenAttempt",
            "changedFiles",
            "insertions",
            "deletions",
            "outsideDeclaredPaths",
            "startedAt",
            "finishedAt",
            "durationMs",
            "reason",
            "database");
    assertThat(names(task.get("attempts").get(0)))
        .contains("n", "status", "exitCode", "durationMs");
    assertThat(names(root.get("predictedConflicts").get(0)))
        .containsExactly("a", "b", "files", "regenerable");
    assertThat(names(root.get("merge")))
        .contains("strategy", "status", "order", "commit", "conflicts");
    assertThat(names(root.get("merge").get("conflicts").get(0)))
        .containsExactly("task", "files", "with");
    assertThat(names(root.get("test"))).contains("command", "status", "exitCode", "durationMs");
    assertThat(names(root.get("publish"))).contains("remote", "branch", "commit", "status");
    assertThat(names(root.get("timing"))).contains("makespanMs", "criticalPathMs");
  }

  @Test
  void values_areIsoInstantsEnumNamesAndExplicitNulls() throws IOException {
    JsonNode root = tree(SampleRun.report());
    JsonNode skipped = root.get("tasks").get(4);

    assertThat(root.at("/run/startedAt").asText()).isEqualTo("2026-03-02T09:15:00Z");
    assertThat(root.at("/run/status").asText()).isEqualTo("FAILED");
    assertThat(root.at("/merge/strategy").asText()).isEqualTo("MERGE");
    assertThat(skipped.get("status").asText()).isEqualTo("SKIPPED");
    assertThat(skipped.has("commit")).isTrue();
    assertThat(skipped.get("commit").isNull()).isTrue();
    assertThat(skipped.get("startedAt").isNull()).isTrue();
  }

  @Test
  void write_replacesAnOlderReportAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("report.json");
    Files.writeString(file, "{ \"schema\": \"an older, longer report that must go away\" }");

    json.write(SampleRun.report(), file);

    assertThat(json.read(file).run().name()).isEqualTo("notification-prefs");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void read_ignoresFieldsAddedByALaterWriter() throws IOException {
    ObjectMapper mapper = ReportJson.newMapper();
    ObjectNode root = (ObjectNode) tree(SampleRun.report());
    root.put("somethingNew", 42);

    RunReport read = json.fromJson(mapper.writeValueAsString(root));

    assertThat(read).isEqualTo(SampleRun.report());
  }

  /** report.json as versions before the attempts' steps were timed wrote it. */
  private static final String BEFORE_STEP_TIMES =
      """
      {
        "schema" : "parallel-agents/report@1",
        "run" : {
          "id" : "20260302-091500-prefs", "name" : "prefs", "status" : "SUCCEEDED",
          "reason" : null, "base" : { "ref" : "main", "commit" : "abc" },
          "target" : "agents/prefs", "startedAt" : "2026-03-02T09:15:00Z",
          "finishedAt" : "2026-03-02T09:16:00Z", "directory" : "/tmp/runs/r", "owner" : null
        },
        "tasks" : [ {
          "id" : "api", "title" : "API", "foundation" : false, "needs" : [ ],
          "status" : "SUCCEEDED", "branch" : "agents/r/api", "commit" : "c1",
          "attempts" : [ {
            "n" : 1, "status" : "SUCCEEDED", "exitCode" : 0, "durationMs" : 40000,
            "branch" : "agents/r/api", "commit" : "c1", "commits" : [ "c1" ],
            "diffLines" : 3, "reason" : null
          } ],
          "chosenAttempt" : 1, "changedFiles" : [ "api.txt" ], "insertions" : 3,
          "deletions" : 0, "outsideDeclaredPaths" : [ ],
          "startedAt" : "2026-03-02T09:15:05Z", "finishedAt" : "2026-03-02T09:15:50Z",
          "durationMs" : 45000, "reason" : null, "database" : null
        } ],
        "predictedConflicts" : [ ], "merge" : null, "test" : null, "publish" : null,
        "timing" : {
          "makespanMs" : 60000, "criticalPathMs" : 45000,
          "phasesMs" : { "plan" : 100, "tasks" : 45000 },
          "taskStepsMs" : { "worktrees" : 80, "agents" : 39000, "commits" : 70, "diffs" : 20 }
        }
      }
      """;

  @Test
  void read_loadsAReportWrittenBeforeStepsWereTimed() throws IOException {
    RunReport old = json.fromJson(BEFORE_STEP_TIMES);

    AttemptReport attempt = old.task("api").orElseThrow().attempts().get(0);
    assertThat(attempt.durationMs()).isEqualTo(40_000);
    assertThat(attempt.startedAt()).isNull();
    assertThat(attempt.steps()).isEmpty();
    assertThat(old.timing().taskStepsMs())
        .containsEntry("agents", 39_000L)
        .containsEntry("commits", 70L);
    // and every report is still made from it
    assertThat(new HtmlReport().render(old)).contains("data-task=\"api\"");
    assertThat(new MarkdownReport().render(old)).contains("`api`");
  }

  @Test
  void attempts_recordWhenTheyStartedAndEachStep() throws IOException {
    JsonNode attempt = tree(SampleRun.report()).at("/tasks/0/attempts/0");

    assertThat(attempt.get("startedAt").asText()).isEqualTo("2026-03-02T09:15:01Z");
    assertThat(names(attempt.get("steps")))
        .containsExactly("setup", "agent", "commit", "verify", "collect");
    assertThat(names(attempt.at("/steps/agent"))).containsExactly("offsetMs", "durationMs");
  }

  private JsonNode tree(RunReport report) throws IOException {
    return ReportJson.newMapper().readTree(json.toJson(report));
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
