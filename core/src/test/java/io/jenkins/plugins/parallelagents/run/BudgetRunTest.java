package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.BudgetSettings;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import io.jenkins.plugins.parallelagents.usage.AgentFormat;
import io.jenkins.plugins.parallelagents.usage.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Agents that print the JSON lines of real CLIs: their usage is reported and spends the budget. */
class BudgetRunTest extends EngineTestBase {

  /** A Claude Code closing line, as --output-format stream-json prints it. */
  private static String claude(String file, double cost, int input, int output) {
    return "echo done > "
        + file
        + "; printf '%s\\n' '{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"s\"}'"
        + " '{\"type\":\"assistant\",\"message\":{\"role\":\"assistant\",\"content\":"
        + "[{\"type\":\"text\",\"text\":\"Wrote "
        + file
        + "\"}]},\"session_id\":\"s\"}'"
        + " '{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"session_id\":\"s\","
        + "\"total_cost_usd\":"
        + cost
        + ",\"usage\":{\"input_tokens\":"
        + input
        + ",\"cache_read_input_tokens\":0,\"output_tokens\":"
        + output
        + "}}'";
  }

  /** A Codex exec --json turn. */
  private static String codex(String file, int input, int output) {
    return "echo done > "
        + file
        + "; printf '%s\\n' '{\"type\":\"thread.started\",\"thread_id\":\"t\"}'"
        + " '{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":"
        + input
        + ",\"cached_input_tokens\":0,\"output_tokens\":"
        + output
        + "}}'";
  }

  @Test
  void eachTaskAndTheRunReportWhatTheAgentsSpent() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("a", claude("a.txt", 0.5, 1000, 200))
                .task("b", claude("b.txt", 0.25, 500, 100))
                .task("plain", "echo p > p.txt; echo no json here")
                .build(),
            repo);

    TaskReport a = report.task("a").orElseThrow();
    assertThat(a.attempts().get(0).usage().format()).isEqualTo(AgentFormat.CLAUDE_STREAM_JSON);
    assertThat(a.attempts().get(0).usage().conversation())
        .extracting(t -> t.text())
        .containsExactly("Wrote a.txt");
    assertThat(a.usage().tokens()).isEqualTo(new Tokens(1000, 0, 200));
    assertThat(a.usage().costUsd()).isEqualTo(0.5);
    assertThat(report.task("plain").orElseThrow().attempts().get(0).usage()).isNull();
    assertThat(report.usage().tokens()).isEqualTo(new Tokens(1500, 0, 300));
    assertThat(report.usage().costUsd()).isEqualTo(0.75);
    assertThat(report.budget()).isNull();
    String json = Files.readString(Path.of(report.run().directory()).resolve("report.json"));
    RunReport read = new ReportJson().fromJson(json);
    assertThat(read.task("a").orElseThrow().usage().costUsd()).isEqualTo(0.5);
    assertThat(json).contains("\"usage\"").contains("\"costUsd\" : 0.75");
  }

  @Test
  void aCodexAgentsCostIsUnknownNotZero() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("a", codex("a.txt", 700, 50))
                .task("b", claude("b.txt", 0.25, 500, 100))
                .build(),
            repo);

    assertThat(report.task("a").orElseThrow().usage().tokens()).isEqualTo(new Tokens(700, 0, 50));
    assertThat(report.task("a").orElseThrow().usage().costUsd()).isNull();
    assertThat(report.usage().costUsd()).isNull();
    assertThat(report.usage().knownCostUsd()).isEqualTo(0.25);
  }

  @Test
  void onceTheCostBudgetIsSpent_noTaskStarts_andRunningOnesFinish() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("dear", claude("dear.txt", 3.0, 1000, 100))
                .task("slow", "sleep 3; " + claude("slow.txt", 1.0, 100, 10))
                .task("later", claude("later.txt", 1.0, 100, 10))
                .maxParallel(2)
                .budget(new BudgetSettings(null, 2.0))
                .build(),
            repo);

    assertThat(report.task("dear").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(report.task("slow").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    TaskReport later = report.task("later").orElseThrow();
    assertThat(later.status()).isEqualTo(TaskStatus.SKIPPED);
    assertThat(later.reason()).isEqualTo("not started: budget of $2.00 spent ($3.00 used)");
    assertThat(later.startedAt()).isNull();
    assertThat(report.budget().spent()).isEqualTo("budget of $2.00 spent ($3.00 used)");
    assertThat(report.usage().costUsd()).isEqualTo(4.0);
    assertThat(git.git(repo, "branch", "--list", "agents/*/later")).isBlank();
  }

  @Test
  void aTokenBudgetCountsAgentsThatReportNoCost() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("first", codex("first.txt", 400, 200))
                .task("second", codex("second.txt", 10, 10))
                .maxParallel(1)
                .budget(new BudgetSettings(500L, null))
                .build(),
            repo);

    assertThat(report.task("first").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(report.task("second").orElseThrow().status()).isEqualTo(TaskStatus.SKIPPED);
    assertThat(report.task("second").orElseThrow().reason())
        .isEqualTo("not started: budget of 500 tokens spent (600 used)");
  }

  @Test
  void underItsBudget_everyTaskRuns() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("first", codex("first.txt", 100, 100))
                .task("second", codex("second.txt", 100, 100))
                .maxParallel(1)
                .budget(new BudgetSettings(1000L, 5.0))
                .build(),
            repo);

    assertThat(report.tasks()).extracting(TaskReport::status).containsOnly(TaskStatus.SUCCEEDED);
    assertThat(report.budget().spent()).isNull();
    assertThat(report.budget().tokens()).isEqualTo(1000L);
  }
}
