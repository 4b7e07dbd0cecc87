package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code doctor} as a user runs it: on a PATH the test controls, holding small real programs in
 * place of git and the agent CLIs.
 */
class DoctorCommandTest {

  @TempDir Path dir;

  private Path bin;
  private Path work;

  @BeforeEach
  void machine() throws IOException {
    bin = Files.createDirectories(dir.resolve("bin"));
    work = Files.createDirectories(dir.resolve("work"));
    program("git", "exec /usr/bin/git \"$@\"");
  }

  private void program(String name, String script) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Host host(Map<String, String> more) {
    Map<String, String> environment = new java.util.HashMap<>(more);
    environment.put("PATH", bin.toString());
    environment.put("HOME", dir.resolve("home").toString());
    return new Host(environment, null, work);
  }

  private static String plan(String command) {
    return "version: 1\n"
        + "name: doctor\n"
        + "agents:\n"
        + "  main: { command: '"
        + command.replace("'", "''")
        + "' }\n"
        + "defaults:\n"
        + "  agent: main\n"
        + "tasks:\n"
        + "  - id: one\n"
        + "    prompt: Do one thing.\n";
  }

  private void claude(String help) throws IOException {
    program(
        "claude",
        "case \"$1\" in --version) echo '2.1.197 (Claude Code)' ;; --help) printf '%s\\n' '"
            + help
            + "' ;; *) exit 9 ;; esac");
  }

  @Test
  void everythingThere_listsEachCheck_exits0() throws Exception {
    claude("  -p, --print\n  --permission-mode <mode>");
    Path plan =
        Plans.write(work, "agents-plan.yaml", plan("claude -p \"$AGENT_PROMPT\" < /dev/null"));

    Cli.Result result =
        Cli.run(
            host(Map.of("ANTHROPIC_API_KEY", "sk-ant-cli-test-1234")), "doctor", plan.toString());

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.OK);
    assertThat(result.outLines().get(0)).isEqualTo("Plan " + plan + ":");
    assertThat(result.outLines())
        .anyMatch(line -> line.matches("ok +git +git \\d+\\.\\d+ \\(2\\.38 or newer needed\\)"))
        .anyMatch(line -> line.matches("ok +agent 'main': sign-in +ANTHROPIC_API_KEY is set"))
        .anyMatch(line -> line.matches("ok +agent 'main': options +claude 2\\.1\\.197 lists -p"))
        .endsWith("All checks passed.");
    assertThat(result.out()).doesNotContain("sk-ant-cli-test-1234");
  }

  @Test
  void failedCheck_showsItsFix_exits3() throws Exception {
    claude("  -p, --print");
    Path plan = Plans.write(work, "agents-plan.yaml", plan("claude -p x --yolo"));

    Cli.Result result = Cli.run(host(Map.of()), "doctor", plan.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(result.outLines())
        .anyMatch(
            line -> line.matches("FAILED +agent 'main': sign-in +none of ANTHROPIC_API_KEY.*"))
        .anyMatch(
            line ->
                line.matches(
                    "FAILED +agent 'main': options +claude 2\\.1\\.197 does not list --yolo in its --help"))
        .contains(
            "    fix: remove --yolo, or update claude: npm install -g @anthropic-ai/claude-code")
        .endsWith("2 checks failed: fix them before a run.");
  }

  @Test
  void warningsAlone_exit0() throws Exception {
    program(
        "aider",
        "case \"$1\" in --version) echo 'aider 0.86.1' ;; *) echo '  --yes-always' ;; esac");
    Path plan = Plans.write(work, "agents-plan.yaml", plan("aider --yes-always"));

    Cli.Result result = Cli.run(host(Map.of()), "doctor", plan.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.outLines())
        .anyMatch(line -> line.startsWith("warning  agent 'main': sign-in"))
        .endsWith("No check failed; 1 warning to look at.");
  }

  @Test
  void json_forScripts_withoutSecrets() throws Exception {
    claude("  -p, --print");
    Path plan = Plans.write(work, "agents-plan.yaml", plan("claude -p x"));

    Cli.Result result =
        Cli.run(
            host(Map.of("CLAUDE_CODE_OAUTH_TOKEN", "oauth-cli-test-5678")),
            "doctor",
            "--format",
            "json",
            plan.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.path("plan").asText()).isEqualTo(plan.toString());
    assertThat(json.path("status").asText()).isEqualTo("ok");
    assertThat(json.path("checks")).hasSize(5);
    assertThat(json.path("checks").get(0).path("subject").asText()).isEqualTo("git");
    assertThat(json.path("checks").get(3).path("finding").asText())
        .isEqualTo("CLAUDE_CODE_OAUTH_TOKEN is set");
    assertThat(json.path("checks").get(3).path("fix").isNull()).isTrue();
    assertThat(result.out()).doesNotContain("oauth-cli-test-5678");
  }

  @Test
  void missingCli_inJson_isFailedWithItsFix_exits3() throws Exception {
    Path plan = Plans.write(work, "agents-plan.yaml", plan("codex exec x"));

    Cli.Result result = Cli.run(host(Map.of()), "doctor", "--format=json", plan.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.path("status").asText()).isEqualTo("failed");
    JsonNode agent = json.path("checks").get(2);
    assertThat(agent.path("subject").asText()).isEqualTo("agent 'main'");
    assertThat(agent.path("status").asText()).isEqualTo("failed");
    assertThat(agent.path("fix").asText()).isEqualTo("install it: npm install -g @openai/codex");
  }

  @Test
  void withoutPlanArgument_checksThePlanOfTheCurrentDirectory() throws Exception {
    claude("  -p, --print");
    Plans.write(work, "agents-plan.yaml", plan("claude -p x"));

    Cli.Result result = Cli.run(host(Map.of("ANTHROPIC_API_KEY", "k")), "doctor");

    assertThat(result.outLines().get(0))
        .isEqualTo("Plan " + work.resolve("agents-plan.yaml") + ":");
    assertThat(result.out()).contains("agent 'main'");
  }

  @Test
  void withoutAnyPlan_checksGitOnly_andSaysSo() {
    Cli.Result result = Cli.run(host(Map.of()), "doctor");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.outLines().get(0)).startsWith("No plan given and no agents-plan.yaml in ");
    assertThat(result.outLines()).hasSize(3).anyMatch(line -> line.startsWith("ok  git"));
  }

  @Test
  void invalidPlan_fileLineColumn_exits2() throws Exception {
    Path plan = Plans.write(work, "agents-plan.yaml", Plans.INVALID);

    Cli.Result result = Cli.run(host(Map.of()), "doctor", plan.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines())
        .isNotEmpty()
        .allMatch(line -> line.matches("\\Q" + plan + "\\E:\\d+:\\d+: .+"));
  }

  @Test
  void repoThatIsNoFolder_exits2() {
    Path nowhere = dir.resolve("nowhere");

    Cli.Result result = Cli.run(host(Map.of()), "doctor", "--repo", nowhere.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).containsExactly("--repo " + nowhere + ": no such folder");
  }

  @Test
  void unknownFormat_exits2() {
    Cli.Result result = Cli.run(host(Map.of()), "doctor", "--format", "yaml");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines().get(0)).contains("--format").contains("yaml");
  }
}
