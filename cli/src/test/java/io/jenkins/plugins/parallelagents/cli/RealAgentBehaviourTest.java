package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.parallelagents.cli.AgentProfiles.PlanTask;
import io.jenkins.plugins.parallelagents.cli.modelserver.ModelScript;
import io.jenkins.plugins.parallelagents.cli.modelserver.RecordedRequest;
import io.jenkins.plugins.parallelagents.cli.modelserver.ScriptedModelServer;
import io.jenkins.plugins.parallelagents.cli.modelserver.Turn;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every user of the ready profiles runs into, answered by the real CLIs: may the agent run
 * shell commands (the tests it needs), does it get a 30 KB prompt whole, may it commit, can it
 * reach the network from its own sandbox.
 */
class RealAgentBehaviourTest {

  @TempDir(factory = AgentHomes.class)
  Path tmp;

  @BeforeAll
  static void clis() {
    AgentClis.assumeInstalled();
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void shellCommands_longPrompts_commitsAndNetwork() throws Exception {
    String probe =
        "(echo > /dev/tcp/127.0.0.1/%d) 2>/dev/null && echo reachable > network.txt"
            + " || echo unreachable > network.txt;"
            + " git -c user.name=Agent -c user.email=agent@example.invalid commit -q --allow-empty"
            + " -m 'by the agent' > commit.txt 2>&1 && echo committed >> commit.txt"
            + " || echo refused >> commit.txt";
    ModelScript script = new ModelScript();
    try (ScriptedModelServer server = new ScriptedModelServer(script)) {
      String command = probe.formatted(Integer.parseInt(server.baseUrl().replaceAll(".*:", "")));
      script.task("claude-shell", Turn.run(command), Turn.finish("Done."));
      script.task("codex-shell", Turn.run(command), Turn.finish("Done."));
      script.task("claude-tests", Turn.run("sh test.sh"), Turn.finish("Done."));
      script.task("gemini-shell", Turn.run(command), Turn.finish("Done."));
      Path repo = Files.createDirectories(tmp.resolve("repo"));
      Host host = AgentClis.host(tmp.resolve("home"), repo, server);
      TestRepositories.init(host, repo);
      Files.writeString(repo.resolve("test.sh"), "echo ran > tests-ran.txt\n");
      TestRepositories.git(host, repo, "add", "test.sh");
      TestRepositories.git(
          host, repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "t");
      Path plan =
          AgentProfiles.writePlan(
              tmp.resolve("plan.yaml"),
              List.of(
                  new PlanTask("claude-shell", "claude", longPrompt("claude-shell"), "3m"),
                  new PlanTask("codex-shell", "codex", longPrompt("codex-shell"), "3m"),
                  new PlanTask("claude-tests", "claude", "Run the tests.", "3m"),
                  new PlanTask("gemini-shell", "gemini", longPrompt("gemini-shell"), "3m")));

      RealRun run = RealRun.of(host, plan, repo, tmp.resolve("state"));

      for (String task : List.of("claude-shell", "codex-shell", "gemini-shell")) {
        assertThat(server.requests())
            .as("%s's whole 30 KB prompt reached the model", task)
            .anyMatch(r -> r.body().contains("END OF THE LONG PROMPT OF " + task));
      }
      claude_acceptEdits_refusesShellCommands_andStillExits0(run, server);
      codex_runsCommandsInItsSandbox_withoutNetworkOrCommits(run, host, repo);
      gemini_autoEdit_offersNoShellTool(run, server);
    }
  }

  /** The model asked for Bash; Claude Code answered it "requires approval" and went on. */
  private static void claude_acceptEdits_refusesShellCommands_andStillExits0(
      RealRun run, ScriptedModelServer server) {
    for (String task : List.of("claude-shell", "claude-tests")) {
      assertThat(run.task(task).status()).as(run.explain()).isEqualTo(TaskStatus.NO_CHANGES);
      assertThat(run.task(task).attempts().get(0).exitCode()).isZero();
      assertThat(server.requests("/v1/messages"))
          .as("the tool result Claude Code sent back for %s", task)
          .anyMatch(
              r ->
                  r.body().contains("- Task: " + task + " (")
                      && r.body().contains("\"type\":\"tool_result\"")
                      && r.body().contains("\"is_error\":true"));
    }
    assertThat(server.requests("/v1/messages"))
        .anyMatch(
            r ->
                r.body().contains("- Task: claude-tests (")
                    && r.body().contains("This command requires approval"));
  }

  /**
   * Codex ran the command, in the task's tree, with no trust prompt; its sandbox kept the network
   * (even loopback) and the repository's .git out of reach, so the engine made the only commit.
   */
  private static void codex_runsCommandsInItsSandbox_withoutNetworkOrCommits(
      RealRun run, Host host, Path repo) throws Exception {
    TaskReport task = run.task("codex-shell");
    assertThat(task.status()).as(run.explain()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(TestRepositories.git(host, repo, "show", task.commit() + ":network.txt"))
        .containsExactly("unreachable");
    assertThat(
            String.join(
                "\n", TestRepositories.git(host, repo, "show", task.commit() + ":commit.txt")))
        .contains(".git/index.lock")
        .contains("Read-only file system")
        .endsWith("refused");
    assertThat(task.attempts().get(0).commits()).hasSize(1);
    assertThat(TestRepositories.git(host, repo, "log", "-1", "--format=%s", task.commit()))
        .containsExactly("codex-shell (agents: codex-shell)");
  }

  /** With --approval-mode auto_edit, Gemini CLI does not even offer its shell tool. */
  private static void gemini_autoEdit_offersNoShellTool(RealRun run, ScriptedModelServer server)
      throws Exception {
    assertThat(run.task("gemini-shell").status())
        .as(run.explain())
        .isEqualTo(TaskStatus.NO_CHANGES);
    List<RecordedRequest> turns =
        server.requests("/v1beta/models/").stream()
            .filter(r -> r.path().contains(":streamGenerateContent"))
            .filter(r -> r.body().contains("- Task: gemini-shell ("))
            .toList();
    assertThat(turns).hasSize(2);
    for (RecordedRequest turn : turns) {
      JsonNode tools = AgentProfiles.YAML.readTree(turn.body()).path("tools");
      assertThat(tools.toString()).contains("\"write_file\"").doesNotContain("run_shell_command");
    }
    assertThat(turns.get(1).body()).contains("run_shell_command").contains("not found");
  }

  /** A prompt of about 30 KB, under the environment's limit, whose end the test can find. */
  private static String longPrompt(String task) {
    StringBuilder prompt = new StringBuilder("Run the command the model gives.\n");
    while (prompt.length() < 30_000) {
      prompt.append("Background line ").append(prompt.length()).append(" of the long prompt.\n");
    }
    return prompt.append("END OF THE LONG PROMPT OF ").append(task).append('\n').toString();
  }
}
