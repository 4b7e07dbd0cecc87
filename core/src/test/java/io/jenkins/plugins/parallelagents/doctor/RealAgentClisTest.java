package io.jenkins.plugins.parallelagents.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor against the real Codex and Claude Code CLIs pinned in tools/agent-clis, with the
 * profiles of the example plan, in a HOME of the test's own (no sign-in of the machine's).
 */
class RealAgentClisTest {

  @TempDir Path home;

  private InstalledAgentClis clis;
  private final Map<String, String> environment = new HashMap<>();

  @BeforeEach
  void installed() {
    clis = InstalledAgentClis.require();
    environment.put("PATH", clis.bin() + ":" + System.getenv("PATH"));
    environment.put("HOME", home.toString());
  }

  /** The example plan, its tasks run by its codex profile, one of them by its claude profile. */
  private String exampleWithRealAgents() throws Exception {
    String example = clis.examplePlan();
    String plan =
        example
            .replace("\n  agent: scripted\n", "\n  agent: codex\n")
            .replace("  - id: api\n", "  - id: api\n    agent: claude\n");
    assertThat(plan).as("the example still reads as this test expects").isNotEqualTo(example);
    assertThat(plan).contains("agent: codex").contains("agent: claude");
    return plan;
  }

  private Diagnosis examine(String yaml) throws Exception {
    Plan plan = new PlanParser().parse(yaml, "agents-plan.yaml");
    try (LocalCommandRunner runner = new LocalCommandRunner(environment)) {
      return new Doctor(runner, environment, home).examine(plan);
    }
  }

  private static Check check(Diagnosis diagnosis, String subject) {
    return diagnosis.checks().stream()
        .filter(check -> check.subject().equals(subject))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + subject + " in " + diagnosis));
  }

  @Test
  void exampleProfiles_areInstalledWithTheirRealVersions_theirOptionsListed_theirKeysMissing()
      throws Exception {
    Diagnosis diagnosis = examine(exampleWithRealAgents());

    assertThat(check(diagnosis, "agent 'codex'").finding())
        .isEqualTo("codex " + clis.version("@openai/codex") + " at " + clis.bin().resolve("codex"));
    assertThat(check(diagnosis, "agent 'claude'").finding())
        .isEqualTo(
            "claude "
                + clis.version("@anthropic-ai/claude-code")
                + " at "
                + clis.bin().resolve("claude"));
    assertThat(check(diagnosis, "agent 'codex': options").status()).isEqualTo(CheckStatus.OK);
    assertThat(check(diagnosis, "agent 'codex': options").finding())
        .startsWith("codex exec ")
        .contains(" lists ")
        .contains("--json")
        .contains("--sandbox");
    assertThat(check(diagnosis, "agent 'claude': options").status()).isEqualTo(CheckStatus.OK);
    assertThat(check(diagnosis, "agent 'claude': options").finding())
        .contains(" lists -p, --permission-mode")
        .contains("--output-format");
    assertThat(check(diagnosis, "agent 'codex': sign-in").status()).isEqualTo(CheckStatus.FAILED);
    assertThat(check(diagnosis, "agent 'claude': sign-in").status()).isEqualTo(CheckStatus.FAILED);
    assertThat(diagnosis.checks()).noneMatch(check -> check.subject().contains("aider"));
  }

  @Test
  void keysSet_arePresent_andTheirValuesAreNowhere() throws Exception {
    environment.put("OPENAI_API_KEY", "sk-proj-doctor-real-0a1b2c3d4e5f");
    environment.put("ANTHROPIC_API_KEY", "sk-ant-doctor-real-6f5e4d3c2b1a");

    Diagnosis diagnosis = examine(exampleWithRealAgents());

    assertThat(check(diagnosis, "agent 'codex': sign-in").finding())
        .isEqualTo("OPENAI_API_KEY is set");
    assertThat(check(diagnosis, "agent 'claude': sign-in").finding())
        .isEqualTo("ANTHROPIC_API_KEY is set");
    assertThat(diagnosis.status()).as(diagnosis.toString()).isEqualTo(CheckStatus.OK);
    assertThat(diagnosis.toString()).doesNotContain("doctor-real");
  }

  @Test
  void optionTheInstalledCodexNoLongerTakes_failsWithItsReplacement() throws Exception {
    String example = exampleWithRealAgents();
    String plan = example.replace("--sandbox workspace-write", "--full-auto --skip-git-repo-check");
    assertThat(plan).as("the example's codex profile has --sandbox").isNotEqualTo(example);

    Check options = check(examine(plan), "agent 'codex': options");

    assertThat(options.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(options.finding()).endsWith(" does not list --full-auto in its --help");
    assertThat(options.fix()).startsWith("replace --full-auto with --sandbox workspace-write");
  }

  @Test
  void geminiProfile_isCheckedTheSameWay() throws Exception {
    String plan =
        exampleWithRealAgents()
            .replace("  - id: api\n    agent: claude\n", "  - id: api\n    agent: gemini\n");
    environment.put("GEMINI_API_KEY", "doctor-real-gemini");

    Diagnosis diagnosis = examine(plan);

    assertThat(check(diagnosis, "agent 'gemini'").finding())
        .startsWith("gemini " + clis.version("@google/gemini-cli") + " at ");
    assertThat(check(diagnosis, "agent 'gemini': sign-in").finding())
        .isEqualTo("GEMINI_API_KEY is set");
    assertThat(check(diagnosis, "agent 'gemini': options").status()).isEqualTo(CheckStatus.OK);
    assertThat(check(diagnosis, "agent 'gemini': options").finding())
        .contains(" lists -p")
        .contains("--approval-mode")
        .contains("--skip-trust");
  }
}
