package io.jenkins.plugins.parallelagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.AgentProfile;
import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code AGENT_PROMPT} never keeps a program from starting, whatever the prompt's size. */
class PromptEnvironmentTest {

  private static final String PRINT_SIZE = "printf %s \"$AGENT_PROMPT\" | wc -c";

  @TempDir Path temp;

  @Test
  void a200KibPrompt_isReplacedByAPointerToItsFile_andShStarts() throws Exception {
    String prompt = "x".repeat(200 * 1024);
    Map<String, String> environment = environment(prompt);

    Result sh = sh(environment);

    assertThat(sh.exitCode()).isZero();
    String shown = environment.get("AGENT_PROMPT");
    assertThat(Integer.parseInt(sh.output().strip()))
        .isEqualTo(shown.getBytes(StandardCharsets.UTF_8).length);
    assertThat(shown).contains("too long").contains(environment.get("AGENT_PROMPT_FILE"));
  }

  @Test
  void aPromptOfMultiByteCharacters_atTheLimit_isPassedWholeAndShStarts() throws Exception {
    // 32,768 characters of three bytes each: 96 KiB, the most the variable holds whole.
    String prompt = "€".repeat(32 * 1024);

    Result sh = sh(environment(prompt));

    assertThat(sh.exitCode()).isZero();
    assertThat(Integer.parseInt(sh.output().strip())).isEqualTo(3 * 32 * 1024);
  }

  @Test
  void aPromptJustOverTheLimit_goesByItsFile() {
    String prompt = "x".repeat(32 * 1024 + 1);

    assertThat(environment(prompt).get("AGENT_PROMPT")).doesNotContain("xxxx");
  }

  private Map<String, String> environment(String prompt) {
    AttemptContext context =
        new AttemptContext(
            Plans.task("api", false),
            new AgentProfile("test", CommandSpec.shell("true")),
            1,
            temp.resolve("worktree"),
            "agents/r1/api",
            "0".repeat(40),
            "r1",
            new RunDirectory(temp.resolve("run")),
            Map.of());
    return AttemptRunner.environment(
        context, prompt, new RunDirectory(temp.resolve("run")).promptFile("api"));
  }

  private record Result(int exitCode, String output) {}

  /**
   * A real {@code sh} started with the environment: the kernel refuses it if a value is too big.
   */
  private static Result sh(Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(List.of("sh", "-c", PRINT_SIZE));
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }
}
