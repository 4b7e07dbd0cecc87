package io.jenkins.plugins.parallelagents.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.Bubblewrap;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox where the whole run lives under {@code /tmp} (as a CI workspace may), which the
 * sandbox replaces with a private one: the agent still has its tree and its prompt, and what it
 * started ends with it.
 */
class SandboxUnderTmpTest extends EngineTestBase {

  @BeforeEach
  void needsBubblewrap() {
    Bubblewrap.assumeUsable();
  }

  @Test
  void sandboxedAgent_readsItsPromptFile_andWritesItsTree() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("api", "grep -q 'Do task api' \"$AGENT_PROMPT_FILE\" && echo ok > ok.txt")
                .sandbox()
                .build(),
            repo);

    TaskReport task = report.task("api").orElseThrow();
    assertThat(task.status()).as(task.reason()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(git.show(repo, task.branch(), "ok.txt")).isEqualTo("ok");
  }

  @Test
  void sandboxedAgent_usesGitInItsRepository_whoseObjectsAreBorrowedFromUnderTmp()
      throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task(
                    "api",
                    "git log -1 --format=%s > base.txt && git add base.txt"
                        // the test's global git config is under the host's /tmp, hidden here
                        + " && git -c user.name=Agent -c user.email=agent@example.com"
                        + " commit -qm 'agent commit'")
                .sandbox()
                .build(),
            repo);

    TaskReport task = report.task("api").orElseThrow();
    assertThat(task.status()).as(task.reason()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(git.show(repo, task.branch(), "base.txt")).isEqualTo("Initial commit");
    assertThat(git.git(repo, "log", "-1", "--format=%s", task.branch())).isEqualTo("agent commit");
  }

  @Test
  void processesASandboxedAgentDetached_endWithItsStep() throws Exception {
    String marker = "parallel-agents-stray-" + UUID.randomUUID();
    RunReport report = engine.run(detachingAgent(marker).sandbox().build(), repo);

    TaskReport task = report.task("api").orElseThrow();
    assertThat(task.status()).as(task.reason()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(running(marker)).as("processes the agent left behind").isEmpty();
  }

  /** Without the sandbox, only a step's control group holds such a process. */
  @Test
  void withoutTheSandbox_aDetachedProcess_outlivesTheStepOnlyWhereStepsHaveNoControlGroup()
      throws Exception {
    String marker = "parallel-agents-stray-" + UUID.randomUUID();
    boolean controlGroups = LocalCommandRunner.stepsHaveControlGroups();
    try {
      engine.run(detachingAgent(marker).build(), repo);

      assertThat(running(marker).isEmpty())
          .as("no process left behind, with control groups: " + controlGroups)
          .isEqualTo(controlGroups);
    } finally {
      running(marker).forEach(ProcessHandle::destroyForcibly);
    }
  }

  /**
   * Starts a process in a session of its own and with an empty environment, out of the step's
   * process group and without the run's marker variable: how a daemon escapes the engine's stop of
   * stray processes when there is no sandbox. The marker names it in the process list. The agent
   * ends only once that process is out of its group: it says so through a fifo.
   */
  private static Plans detachingAgent(String marker) {
    return new Plans()
        .task(
            "api",
            "mkfifo ready; setsid env -i sh -c 'echo up > ready; sleep 300; true' "
                + marker
                + " < /dev/null > /dev/null 2>&1 & read up < ready; rm ready; echo work > work.txt");
  }

  private static List<ProcessHandle> running(String marker) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
        .toList();
  }
}
