package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.parallelagents.cli.modelserver.ModelScript;
import io.jenkins.plugins.parallelagents.cli.modelserver.RecordedRequest;
import io.jenkins.plugins.parallelagents.cli.modelserver.ScriptedModelServer;
import io.jenkins.plugins.parallelagents.cli.modelserver.Turn;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plan run end to end by the real agent CLIs, as a user would run it: Claude Code,
 * Codex CLI and Gemini CLI, each with the example's own profile, write the example's prepared
 * changes as a scripted model tells them to; the tasks' verify and the combined test judge them.
 */
class RealAgentsExampleTest {

  private static final Path CHANGES =
      AgentClis.CHECKOUT.resolve(ExampleLocator.EXAMPLE).resolve(".agents/changes");

  /** Which CLI works on which task of the example. */
  private static final Map<String, String> AGENT_OF_TASK =
      Map.of(
          "migration", "claude",
          "api", "codex",
          "notifications", "gemini",
          "settings-page", "claude");

  @TempDir(factory = AgentHomes.class)
  Path tmp;

  @BeforeAll
  static void clis() {
    AgentClis.assumeInstalled();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void examplePlan_byClaudeCodexAndGemini_isTestedAndPublished() throws Exception {
    ModelScript script = new ModelScript();
    for (String task : AGENT_OF_TASK.keySet()) {
      Turn[] turns = ModelScript.writing(changes(task), "The task is done.");
      for (int i = 0; i < turns.length; i++) {
        turns[i] = turns[i].withUsage(1000, 50);
      }
      script.task(task, turns);
    }
    try (ScriptedModelServer server = new ScriptedModelServer(script)) {
      Host host = AgentClis.host(tmp.resolve("home"), tmp, server);
      DemoWorkspace workspace =
          DemoWorkspace.create(
              tmp.resolve("demo"),
              AgentClis.CHECKOUT.resolve(ExampleLocator.EXAMPLE),
              new GitProcess(host.environment()));
      Path plan = planWithRealAgents(tmp.resolve("agents-plan.yaml"));

      RealRun run =
          RealRun.of(host, plan, workspace.repository(), tmp.resolve("state"), "--jobs", "3");

      assertThat(run.result().exitCode()).as(run.explain()).isEqualTo(ExitCodes.OK);
      for (TaskReport task : run.report().tasks()) {
        assertThat(task.status())
            .as(task.id() + "\n" + run.explain())
            .isEqualTo(TaskStatus.SUCCEEDED);
      }
      String target = run.report().run().target();
      GitProcess git = new GitProcess(host.environment());
      for (String task : AGENT_OF_TASK.keySet()) {
        for (Map.Entry<String, String> file : changes(task).entrySet()) {
          assertThat(
                  git.require(
                      workspace.repository(),
                      "--git-dir",
                      workspace.origin().toString(),
                      "show",
                      target + ":" + file.getKey()))
              .as(
                  "%s in origin's %s, written by %s",
                  file.getKey(), target, AGENT_OF_TASK.get(task))
              .isEqualTo(file.getValue().strip());
        }
      }
      eachCli_wasGivenTheTaskPromptAndItsTools(server);
      tokens_areReportedInTheAgentLogsAsTheModelCountedThem(run);
      tokensPerTask_areReadFromEachCliOwnOutput(run);
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void budget_spentByTheFoundationsClaude_startsNoOtherTask() throws Exception {
    ModelScript script = new ModelScript();
    Turn[] turns = ModelScript.writing(changes("migration"), "The task is done.");
    for (int i = 0; i < turns.length; i++) {
      turns[i] = turns[i].withUsage(1000, 50);
    }
    script.task("migration", turns);
    try (ScriptedModelServer server = new ScriptedModelServer(script)) {
      Host host = AgentClis.host(tmp.resolve("home"), tmp, server);
      DemoWorkspace workspace =
          DemoWorkspace.create(
              tmp.resolve("demo"),
              AgentClis.CHECKOUT.resolve(ExampleLocator.EXAMPLE),
              new GitProcess(host.environment()));
      ObjectNode plan = planNode();
      plan.putObject("budget").put("tokens", 500);
      Path file = tmp.resolve("agents-plan.yaml");
      Files.writeString(file, AgentProfiles.YAML.writeValueAsString(plan));

      RealRun run =
          RealRun.of(host, file, workspace.repository(), tmp.resolve("state"), "--jobs", "3");

      TaskReport migration = task(run, "migration");
      assertThat(migration.status()).as(run.explain()).isEqualTo(TaskStatus.SUCCEEDED);
      assertThat(migration.usage().tokens().total()).as(run.explain()).isGreaterThan(500);
      for (TaskReport task : run.report().tasks()) {
        if (!task.id().equals("migration")) {
          assertThat(task.status())
              .as(task.id() + "\n" + run.explain())
              .isEqualTo(TaskStatus.SKIPPED);
          assertThat(task.reason()).as(task.id()).contains("budget");
          assertThat(task.attempts()).as("%s never started an agent", task.id()).isEmpty();
        }
      }
      assertThat(server.requests())
          .as("only the foundation's agent asked the model")
          .allSatisfy(r -> assertThat(r.body()).doesNotContain("- Task: api ("));
    }
  }

  /**
   * The report's tokens per task are read from each CLI's structured output: Claude Code's result
   * line and Codex's turn.completed lines carry the scripted counts, one turn per file plus the
   * closing reply; Claude Code also reports a cost, Codex none.
   */
  private static void tokensPerTask_areReadFromEachCliOwnOutput(RealRun run) throws IOException {
    for (String id : List.of("migration", "api")) {
      int turns = changes(id).size() + 1;
      TaskReport task = task(run, id);
      assertThat(task.usage().tokens().input()).as(id).isEqualTo(1000L * turns);
      assertThat(task.usage().tokens().output()).as(id).isEqualTo(50L * turns);
    }
    assertThat(task(run, "migration").usage().costUsd()).as("Claude Code's cost").isNotNull();
    assertThat(task(run, "api").usage().costUsd()).as("Codex prints no cost").isNull();
    assertThat(task(run, "notifications").usage().tokens().output())
        .as("Gemini CLI's stream-json result")
        .isGreaterThanOrEqualTo(50L * (changes("notifications").size() + 1));
    assertThat(run.report().usage().tokens().total())
        .as("the run's total adds up its tasks")
        .isEqualTo(run.report().tasks().stream().mapToLong(t -> t.usage().tokens().total()).sum());
  }

  private static TaskReport task(RealRun run, String id) {
    return run.report().tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  private static void eachCli_wasGivenTheTaskPromptAndItsTools(ScriptedModelServer server) {
    assertRequest(server.requests("/v1/messages"), "- Task: migration (", "\"name\":\"Write\"");
    assertRequest(server.requests("/v1/messages"), "- Task: migration (", "\"name\":\"Bash\"");
    assertRequest(server.requests("/v1/responses"), "- Task: api (", "\"name\":\"exec_command\"");
    assertRequest(
        server.requests("/v1beta/models/"), "- Task: notifications (", "\"name\":\"write_file\"");
    assertThat(server.requests())
        .as("no key is recorded, and none is sent but the scripted one")
        .allSatisfy(
            r ->
                assertThat(r.headers().keySet())
                    .doesNotContain("authorization", "x-api-key", "x-goog-api-key"));
  }

  private static void assertRequest(List<RecordedRequest> requests, String prompt, String tool) {
    assertThat(requests)
        .as("a request with %s offering %s", prompt, tool)
        .anyMatch(r -> r.body().contains(prompt) && r.body().contains(tool));
  }

  /** Claude Code's final result line and Codex's turn.completed add up the scripted usage. */
  private static void tokens_areReportedInTheAgentLogsAsTheModelCountedThem(RealRun run)
      throws IOException {
    int migrationTurns = changes("migration").size() + 1;
    JsonNode claude = lastJsonLine(run.agentLog("migration"), "result");
    assertThat(claude.path("usage").path("input_tokens").asLong())
        .isEqualTo(1000L * migrationTurns);
    assertThat(claude.path("usage").path("output_tokens").asLong()).isEqualTo(50L * migrationTurns);
    int apiTurns = changes("api").size() + 1;
    JsonNode codex = lastJsonLine(run.agentLog("api"), "turn.completed");
    assertThat(codex.path("usage").path("input_tokens").asLong()).isEqualTo(1000L * apiTurns);
    assertThat(codex.path("usage").path("output_tokens").asLong()).isEqualTo(50L * apiTurns);
  }

  private static JsonNode lastJsonLine(String log, String type) throws IOException {
    JsonNode found = null;
    for (String line : log.lines().toList()) {
      if (line.startsWith("{")) {
        JsonNode node = AgentProfiles.YAML.readTree(line);
        if (type.equals(node.path("type").asText())) {
          found = node;
        }
      }
    }
    assertThat(found).as("a %s line in\n%s", type, log).isNotNull();
    return found;
  }

  /** The example plan, each task given to one of the real CLIs by its ready profile. */
  private static Path planWithRealAgents(Path file) throws IOException {
    Files.writeString(file, AgentProfiles.YAML.writeValueAsString(planNode()));
    return file;
  }

  /**
   * The example plan with the real CLIs' profiles, each task by {@link #AGENT_OF_TASK}, without its
   * database: these tests are about the agents, and the demo's own test covers the databases.
   */
  private static ObjectNode planNode() throws IOException {
    ObjectNode plan = AgentProfiles.examplePlan();
    for (JsonNode task : plan.path("tasks")) {
      ((ObjectNode) task).put("agent", AGENT_OF_TASK.get(task.path("id").asText()));
    }
    ((ObjectNode) plan.path("environment")).remove("database");
    return plan;
  }

  /** The example's prepared changes of {@code task}: path to content. */
  private static Map<String, String> changes(String task) throws IOException {
    Path folder = CHANGES.resolve(task);
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }
}
