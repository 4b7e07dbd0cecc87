package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan run as the example CI workflows run it: the outline in one clone, each task in a fresh
 * clone given only the hand-offs of the foundation and its needs, the finish in another fresh clone
 * given every hand-off, which publishes to the origin.
 */
class DistributedCiTest {

  static final String PLAN =
      """
      version: 1
      name: feature
      target: agents/feature
      agents:
        script: { command: ["sh", "agent.sh", "{task}"] }
      defaults:
        agent: script
      publish:
        remote: origin
      test:
        command: test -f schema.txt && test -f api.txt && test -f worker.txt && test -f page.txt
      tasks:
        - id: schema
          foundation: true
          prompt: Add the schema.
        - id: api
          needs: [schema]
          prompt: Add the endpoint.
          verify: test -f schema.txt
        - id: worker
          needs: [schema]
          prompt: Add the worker.
        - id: page
          needs: [api]
          prompt: Add the page.
          verify: test -f api.txt
      """;

  /** Writes {@code <task>.txt}; the task named in the file {@code fail} fails instead. */
  static final String AGENT =
      """
      #!/bin/sh
      if [ -f fail ] && [ "$(cat fail)" = "$1" ]; then echo "cannot do $1" >&2; exit 1; fi
      echo "$1" > "$1.txt"
      """;

  @TempDir Path temp;
  Host host;
  Path project;
  Path origin;
  CiJobs ci;

  @BeforeEach
  void setUp() throws Exception {
    host = Cli.isolatedHost(temp.resolve("home"), temp);
    project = temp.resolve("project");
    Files.createDirectories(project);
    TestRepositories.init(host, project);
    Files.writeString(project.resolve("agents-plan.yaml"), PLAN);
    Files.writeString(project.resolve("agent.sh"), AGENT);
    commit("plan and agent");
    origin = temp.resolve("origin.git");
    TestRepositories.git(
        host, temp, "clone", "-q", "--bare", project.toString(), origin.toString());
    ci = new CiJobs(host, temp, origin);
  }

  private void commit(String message) throws Exception {
    TestRepositories.git(host, project, "add", "-A");
    TestRepositories.git(
        host,
        project,
        "-c",
        "user.name=T",
        "-c",
        "user.email=t@example.com",
        "commit",
        "-qm",
        message);
  }

  @Test
  void everyTaskInItsOwnClone_publishesOneTestedBranchHoldingEveryTasksWork() throws Exception {
    JsonNode outline = ci.outline("ci-41");
    assertThat(outline.get("foundation").toString()).isEqualTo("[\"schema\"]");
    assertThat(outline.get("waves").toString()).isEqualTo("[[\"api\",\"worker\"],[\"page\"]]");
    assertThat(outline.get("matrix").get("include").toString())
        .isEqualTo("[{\"task\":\"api\"},{\"task\":\"worker\"},{\"task\":\"page\"}]");

    assertThat(ci.task("schema", List.of()).exitCode()).isZero();
    for (String task : List.of("api", "worker")) {
      Cli.Result result = ci.task(task, CiJobs.handoffs("schema"));
      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.out()).contains("Task " + task + ": SUCCEEDED");
    }
    Cli.Result page = ci.task("page", CiJobs.handoffs("schema", "api"));
    assertThat(page.exitCode()).as(page.err()).isZero();
    Path handoff = ci.artifact("handoff-page").resolve("page");
    assertThat(handoff.resolve("task.json")).isRegularFile();
    assertThat(handoff.resolve("branch.bundle")).isRegularFile();
    assertThat(handoff.resolve("logs")).isDirectory();

    List<String> all = CiJobs.handoffs("schema", "api", "worker", "page");
    Cli.Result tested = finish(all, "tested", "--no-publish");
    assertThat(tested.exitCode()).as(tested.out() + tested.err()).isZero();
    JsonNode unpublished =
        new ObjectMapper().readTree(ci.artifact("tested").resolve("report.json").toFile());
    assertThat(unpublished.get("run").get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(unpublished.get("publish").get("status").asText()).isEqualTo("NOT_REQUESTED");
    assertThat(unpublished.get("test").get("status").asText()).isEqualTo("PASSED");
    assertThat(TestRepositories.git(host, origin, "branch", "--list", "agents/*")).isEmpty();

    Cli.Result finish = finish(all, "reports");

    assertThat(finish.exitCode()).as(finish.out() + finish.err()).isZero();
    for (String file : List.of("schema.txt", "api.txt", "worker.txt", "page.txt")) {
      assertThat(TestRepositories.git(host, origin, "show", "agents/feature:" + file))
          .as(file)
          .isNotEmpty();
    }
    JsonNode report =
        new ObjectMapper().readTree(ci.artifact("reports").resolve("report.json").toFile());
    assertThat(report.get("run").get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(report.get("publish").get("status").asText()).isEqualTo("PUSHED");
    for (JsonNode task : report.get("tasks")) {
      assertThat(task.get("status").asText()).as(task.get("id").asText()).isEqualTo("SUCCEEDED");
    }
    assertThat(Files.readString(ci.artifact("reports").resolve("report.md")))
        .contains("schema", "api", "worker", "page");
    assertThat(ci.artifact("reports").resolve("junit.xml")).isRegularFile();
    assertThat(ci.artifact("reports").resolve("report.html")).isRegularFile();
    for (String job : List.of("outline", "task-api", "task-page", "finish")) {
      assertThat(
              TestRepositories.git(
                  host, temp.resolve("jobs").resolve(job), "status", "--porcelain"))
          .as(job)
          .isEmpty();
    }
  }

  @Test
  void aFailedTask_handsOffItsResult_andTheFinishReportsItAndPublishesTheOthers() throws Exception {
    Files.writeString(project.resolve("fail"), "worker");
    commit("worker fails");
    TestRepositories.git(host, project, "push", "-q", origin.toString(), "main");
    Files.writeString(
        project.resolve("agents-plan.yaml"), PLAN.replace("&& test -f worker.txt ", ""));
    commit("test without the worker");
    TestRepositories.git(host, project, "push", "-q", origin.toString(), "main");
    ci.outline("ci-42");
    ci.task("schema", List.of());
    Cli.Result worker = ci.task("worker", CiJobs.handoffs("schema"));
    assertThat(worker.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(worker.out()).contains("Task worker: FAILED");
    assertThat(ci.artifact("handoff-worker").resolve("worker").resolve("task.json"))
        .isRegularFile();
    ci.task("api", CiJobs.handoffs("schema"));
    ci.task("page", CiJobs.handoffs("schema", "api"));

    Cli.Result finish = finish(CiJobs.handoffs("schema", "api", "worker", "page"), "reports");

    assertThat(finish.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(finish.out()).contains("PARTIAL").containsPattern("worker +FAILED");
    JsonNode report =
        new ObjectMapper().readTree(ci.artifact("reports").resolve("report.json").toFile());
    assertThat(report.get("run").get("status").asText()).isEqualTo("PARTIAL");
    assertThat(TestRepositories.git(host, origin, "show", "agents/feature:page.txt")).isNotEmpty();
    assertThat(ci.artifact("reports").resolve("tasks/worker")).isDirectory();
  }

  Cli.Result finish(List<String> handoffs, String out, String... options) throws Exception {
    Path clone = ci.clone("finish");
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "finish",
                "--start",
                ci.artifact("start").toString(),
                "--handoff",
                ci.download("finish", handoffs).toString(),
                "--out",
                ci.artifact(out).toString(),
                "--state-dir",
                temp.resolve("state-finish").toString()));
    args.addAll(List.of(options));
    return ci.run(clone, args.toArray(String[]::new));
  }
}
