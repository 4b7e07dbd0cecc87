package io.jenkins.plugins.parallelagents.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvocationTest {

  private static Invocation shell(String line) {
    return Invocation.of(CommandSpec.shell(line)).orElseThrow();
  }

  @Test
  void profileFromTheDocs_isCodexExecWithItsOptions_withoutTheRedirection() {
    Invocation invocation =
        shell("codex exec --sandbox workspace-write \"$AGENT_PROMPT\" < /dev/null");

    assertThat(invocation.program()).isEqualTo("codex");
    assertThat(invocation.arguments())
        .containsExactly("exec", "--sandbox", "workspace-write", "$AGENT_PROMPT");
  }

  @Test
  void assignmentsEnvAndExecBeforeTheProgram_areSkipped() {
    Invocation invocation =
        shell("FOO=1 env -i -u HOME BAR='a b' exec claude -p \"$AGENT_PROMPT\" 2>&1");

    assertThat(invocation.program()).isEqualTo("claude");
    assertThat(invocation.arguments()).containsExactly("-p", "$AGENT_PROMPT");
  }

  @Test
  void quotedProgramAndEscapes_areReadAsTheShellWould() {
    Invocation invocation = shell("'/opt/my tools/aider' --model\\ x \"--a\\\"b\" '--c;d'");

    assertThat(invocation.program()).isEqualTo("/opt/my tools/aider");
    assertThat(invocation.name()).isEqualTo("aider");
    assertThat(invocation.arguments()).containsExactly("--model x", "--a\"b", "--c;d");
  }

  @Test
  void setupBeforeTheAgentAndAPipeIntoIt_findTheAgent() {
    assertThat(shell("cd sub && export X=1; gemini -y -p hi").program()).isEqualTo("gemini");
    assertThat(shell("cat \"$AGENT_PROMPT_FILE\" | claude -p --verbose").arguments())
        .containsExactly("-p", "--verbose");
  }

  @Test
  void withoutAKnownAgent_theFirstProgramIsTheAgent() {
    assertThat(shell("cd x; ./agent.sh \"$AGENT_TASK_ID\" | tee log").program())
        .isEqualTo("./agent.sh");
  }

  @Test
  void shellDashCInAnArgumentList_isLookedInto() {
    Invocation invocation =
        Invocation.of(CommandSpec.argv(List.of("bash", "-c", "codex exec --json x"))).orElseThrow();

    assertThat(invocation.program()).isEqualTo("codex");
    assertThat(invocation.arguments()).containsExactly("exec", "--json", "x");
  }

  @Test
  void argumentList_isTakenAsIs() {
    Invocation invocation =
        Invocation.of(CommandSpec.argv(List.of("sh", ".agents/agent.sh", "{task}"))).orElseThrow();

    assertThat(invocation.program()).isEqualTo("sh");
    assertThat(invocation.arguments()).containsExactly(".agents/agent.sh", "{task}");
  }

  @Test
  void hostileLines_giveNoProgramOrAProgram_neverAnError() {
    assertThat(Invocation.of(CommandSpec.shell(""))).isEmpty();
    assertThat(Invocation.of(CommandSpec.shell("   # only a comment"))).isEmpty();
    assertThat(Invocation.of(CommandSpec.shell("< /dev/null > out"))).isEmpty();
    assertThat(Invocation.of(CommandSpec.shell("A=1 B=2"))).isEmpty();
    assertThat(Invocation.of(CommandSpec.shell("env -u"))).isEmpty();
    assertThat(shell("codex 'unterminated").arguments()).containsExactly("unterminated");
    assertThat(shell("codex \"unterminated \\").arguments()).containsExactly("unterminated \\");
    assertThat(shell("a\u0000b --x").name()).isEqualTo("a\u0000b");
    // sh -c nested without end stops looking inside after a few levels
    String nested = "sh -c 'sh -c \"sh -c \\\"sh -c codex\\\"\"'";
    assertThat(shell(nested).program()).isEqualTo("sh");
  }
}
