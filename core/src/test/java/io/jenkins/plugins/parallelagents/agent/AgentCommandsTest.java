package io.jenkins.plugins.parallelagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentCommandsTest {

  private static final Map<String, String> VALUES =
      Map.of(
          "prompt", "Add {task} support",
          "prompt_file", "/runs/r/tasks/api/prompt.md",
          "task", "api",
          "worktree", "/wt/api");

  @Test
  void argumentList_getsEachPlaceholderReplaced_once() {
    List<String> argv =
        AgentCommands.argv(
            CommandSpec.argv(
                List.of("agent", "--task={task}", "{prompt}", "{prompt_file}", "-C", "{worktree}")),
            VALUES);

    assertThat(argv)
        .containsExactly(
            "agent",
            "--task=api",
            "Add {task} support",
            "/runs/r/tasks/api/prompt.md",
            "-C",
            "/wt/api");
  }

  @Test
  void unknownPlaceholders_areLeftAsWritten() {
    assertThat(AgentCommands.argv(CommandSpec.argv(List.of("x", "{nope}", "{}")), VALUES))
        .containsExactly("x", "{nope}", "{}");
  }

  @Test
  void shellLine_runsWithShAndIsNotSubstituted() {
    assertThat(AgentCommands.argv(CommandSpec.shell("codex exec \"$AGENT_PROMPT\" {task}"), VALUES))
        .containsExactly("sh", "-c", "codex exec \"$AGENT_PROMPT\" {task}");
  }
}
