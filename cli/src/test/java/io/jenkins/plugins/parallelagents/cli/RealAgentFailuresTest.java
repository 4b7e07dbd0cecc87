package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.cli.AgentProfiles.PlanTask;
import io.jenkins.plugins.parallelagents.cli.modelserver.ModelScript;
import io.jenkins.plugins.parallelagents.cli.modelserver.ScriptedModelServer;
import io.jenkins.plugins.parallelagents.cli.modelserver.Turn;
import io.jenkins.plugins.parallelagents.report.AttemptReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A model API that fails, a missing key, a model too slow: each task ends saying why. */
class RealAgentFailuresTest {

  @TempDir(factory = AgentHomes.class)
  Path tmp;

  @BeforeAll
  static void clis() {
    AgentClis.assumeInstalled();
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void modelErrorsAndASlowModel_failTheirTasks() throws Exception {
    ModelScript script =
        new ModelScript()
            .task("claude-overloaded", Turn.error(529, "Overloaded, scripted"))
            .task("codex-unauthorized", Turn.error(401, "Incorrect API key, scripted"))
            .task("gemini-unauthorized", Turn.error(401, "API key not valid, scripted"))
            .task("claude-slow", Turn.finish("Too late.").after(Duration.ofMinutes(5)));
    try (ScriptedModelServer server = new ScriptedModelServer(script)) {
      Path repo = Files.createDirectories(tmp.resolve("repo"));
      Host host = AgentClis.host(tmp.resolve("home"), repo, server);
      TestRepositories.init(host, repo);
      Path plan =
          AgentProfiles.writePlan(
              tmp.resolve("plan.yaml"),
              List.of(
                  new PlanTask("claude-overloaded", "claude", "Work.", "3m"),
                  new PlanTask("codex-unauthorized", "codex", "Work.", "3m"),
                  new PlanTask("gemini-unauthorized", "gemini", "Work.", "3m"),
                  new PlanTask("claude-slow", "claude", "Work.", "30s")));

      RealRun run = RealRun.of(host, plan, repo, tmp.resolve("state"));

      assertFailed(run, "claude-overloaded", 1, "API Error: 529 Overloaded, scripted");
      assertFailed(run, "codex-unauthorized", 1, "401 Unauthorized: Incorrect API key, scripted");
      assertFailed(run, "gemini-unauthorized", null, "API key not valid, scripted");
      TaskReport slow = run.task("claude-slow");
      assertThat(slow.status()).as(run.explain()).isEqualTo(TaskStatus.TIMED_OUT);
      assertThat(slow.reason()).startsWith("agent 'claude' timed out after");
      assertThat(run.result().exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    }
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void withoutAnApiKey_eachCliFailsItsTask() throws Exception {
    ModelScript script = new ModelScript();
    try (ScriptedModelServer server = new ScriptedModelServer(script)) {
      Path repo = Files.createDirectories(tmp.resolve("repo"));
      Host withKeys = AgentClis.host(tmp.resolve("home"), repo, server);
      Map<String, String> env = new HashMap<>(withKeys.environment());
      env.remove("ANTHROPIC_API_KEY");
      env.remove("OPENAI_API_KEY");
      env.remove("GEMINI_API_KEY");
      Host host = new Host(env, withKeys.home(), repo);
      TestRepositories.init(host, repo);
      Path plan =
          AgentProfiles.writePlan(
              tmp.resolve("plan.yaml"),
              List.of(
                  new PlanTask("claude-no-key", "claude", "Work.", "2m"),
                  new PlanTask("codex-no-key", "codex", "Work.", "2m"),
                  new PlanTask("gemini-no-key", "gemini", "Work.", "2m")));

      RealRun run = RealRun.of(host, plan, repo, tmp.resolve("state"));

      assertFailed(run, "claude-no-key", 1, "Not logged in · Please run /login");
      assertFailed(run, "codex-no-key", 1, "Missing environment variable: `OPENAI_API_KEY`.");
      assertFailed(
          run,
          "gemini-no-key",
          41,
          "When using Gemini API, you must specify the GEMINI_API_KEY environment variable.");
      assertThat(server.requests())
          .as("no CLI called the model without a key")
          .noneMatch(r -> r.method().equals("POST"));
      assertThat(run.result().exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    }
  }

  /**
   * The task failed with the agent's exit status (any non-zero one when {@code exitCode} is null),
   * and the lines the report quotes from its log say why, in the CLI's own words.
   */
  private static void assertFailed(RealRun run, String id, Integer exitCode, String why) {
    TaskReport task = run.task(id);
    assertThat(task.status()).as(run.explain()).isEqualTo(TaskStatus.FAILED);
    AttemptReport attempt = task.attempts().get(0);
    if (exitCode == null) {
      assertThat(attempt.exitCode()).isNotZero();
    } else {
      assertThat(attempt.exitCode()).isEqualTo(exitCode);
    }
    String agent = id.substring(0, id.indexOf('-'));
    assertThat(task.reason())
        .isEqualTo("agent '" + agent + "' failed (exit " + attempt.exitCode() + ")");
    assertThat(attempt.failure().lastLines()).as(id).anyMatch(line -> line.contains(why));
  }
}
