package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.AttemptReport;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentContractTest extends EngineTestBase {

  private static Task with(
      Task t, Duration timeout, int attempts, CommandSpec verify, List<String> paths) {
    return new Task(
        t.id(),
        t.title(),
        t.foundation(),
        t.needs(),
        t.prompt(),
        paths,
        t.agent(),
        timeout,
        attempts,
        t.setup(),
        verify,
        t.label());
  }

  @Test
  void timeout_killsTheAgentsProcessTree_andMarksTheTaskTimedOut() throws Exception {
    Path pid = temp.resolve("agent-child.pid");
    Task slow = with(Plans.task("slow", false), Duration.ofSeconds(2), 1, null, List.of());
    RunReport report =
        engine.run(
            new Plans()
                .add(slow, "echo partial > work.txt; sleep 300 & echo $! > " + pid + "; wait")
                .build(),
            repo);

    TaskReport task = report.task("slow").orElseThrow();
    assertThat(task.status()).isEqualTo(TaskStatus.TIMED_OUT);
    assertThat(task.reason()).contains("timed out");
    long child = Long.parseLong(Files.readString(pid).strip());
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(git.show(repo, task.branch(), "work.txt"))
        .as("work left behind is kept")
        .isEqualTo("partial");
    assertThat(report.run().status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void missingAgentCommand_failsTheTaskWithThatSentence() throws Exception {
    Task task = Plans.task("api", false);
    RunReport report =
        engine.run(
            new Plans()
                .add(task, "unused")
                .agent(task.agent(), CommandSpec.argv(List.of("no-such-agent-cli", "{task}")))
                .build(),
            repo);

    TaskReport api = report.task("api").orElseThrow();
    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason())
        .isEqualTo("agent 'agent-api' could not start: command not found: no-such-agent-cli");
  }

  @Test
  void agentThatChangesNothing_isNoChanges_andItsDependantsStillRun() throws Exception {
    RunReport report =
        engine.run(
            new Plans().task("noop", "true").task("after", "echo x > x.txt", "noop").build(), repo);

    assertThat(report.task("noop").orElseThrow().status()).isEqualTo(TaskStatus.NO_CHANGES);
    assertThat(report.task("after").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(report.run().status()).isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void agentCommits_areKept_andLeftoversCommittedAfterThem() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task(
                    "api",
                    "echo a > a.txt && git add a.txt && git commit -qm 'Agent commit' && echo b > b.txt")
                .build(),
            repo);

    TaskReport api = report.task("api").orElseThrow();
    assertThat(api.status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(git.git(repo, "log", "--format=%s", "main.." + api.branch()))
        .isEqualTo("Task api (agents: api)\nAgent commit");
    assertThat(api.changedFiles()).containsExactlyInAnyOrder("a.txt", "b.txt");
  }

  @Test
  void bestOfN_choosesThePassingAttemptWithTheSmallestDiff_andKeepsTheOthers() throws Exception {
    // attempt 1 writes 1 line but fails verify; attempt 2 writes 3 lines; attempt 3 writes 2 lines
    String script =
        "case $AGENT_ATTEMPT in 1) echo bad > out.txt;; 2) printf 'a\\nb\\nc\\n' > out.txt;; 3) printf 'a\\nb\\n' > out.txt;; esac";
    Task task =
        with(
            Plans.task("api", false),
            Duration.ofMinutes(1),
            3,
            CommandSpec.shell("! grep -q bad out.txt"),
            List.of());
    RunReport report = engine.run(new Plans().add(task, script).build(), repo);

    TaskReport api = report.task("api").orElseThrow();
    assertThat(api.status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(api.chosenAttempt()).isEqualTo(3);
    assertThat(api.attempts())
        .extracting(AttemptReport::status)
        .containsExactly(TaskStatus.FAILED, TaskStatus.SUCCEEDED, TaskStatus.SUCCEEDED);
    assertThat(api.attempts().get(0).reason()).contains("verify failed");
    assertThat(git.show(repo, api.branch(), "out.txt")).isEqualTo("a\nb");
    String run = report.run().id();
    for (int n = 1; n <= 3; n++) {
      assertThat(git.git(repo, "rev-parse", "agents/" + run + "/api.attempt-" + n)).isNotEmpty();
    }
    Path dir = Path.of(report.run().directory());
    assertThat(dir.resolve("tasks/api/attempt-2/agent.log")).exists();
    assertThat(dir.resolve("tasks/api/attempt-1/verify.log")).exists();
  }

  @Test
  void editsOutsideDeclaredPaths_areReported() throws Exception {
    Task task =
        with(Plans.task("api", false), Duration.ofMinutes(1), 1, null, List.of("src/api/**"));
    RunReport report =
        engine.run(
            new Plans()
                .add(task, "mkdir -p src/api && echo x > src/api/A.java && echo y > README.md")
                .build(),
            repo);

    assertThat(report.task("api").orElseThrow().outsideDeclaredPaths())
        .containsExactly("README.md");
  }

  @Test
  void setupRunsBeforeTheAgent_andAFailingSetupFailsTheTask() throws Exception {
    Task ok =
        new Task(
            "ok",
            "ok",
            false,
            List.of(),
            "p",
            List.of(),
            "agent-ok",
            Duration.ofMinutes(1),
            1,
            CommandSpec.shell("echo ready > .setup-done"),
            null,
            null);
    Task broken =
        new Task(
            "broken",
            "broken",
            false,
            List.of(),
            "p",
            List.of(),
            "agent-broken",
            Duration.ofMinutes(1),
            1,
            CommandSpec.shell("exit 4"),
            null,
            null);
    RunReport report =
        engine.run(
            new Plans()
                .add(ok, "test -f .setup-done && echo done > ok.txt")
                .add(broken, "echo never > b.txt")
                .build(),
            repo);

    assertThat(report.task("ok").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    TaskReport failed = report.task("broken").orElseThrow();
    assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(failed.reason()).isEqualTo("setup failed (exit 4)");
    assertThat(Path.of(report.run().directory(), "tasks/broken/agent.log")).doesNotExist();
  }

  @Test
  void bestOfN_whereEveryAttemptFails_pointsAtABranchThatExists() throws Exception {
    Task task = with(Plans.task("api", false), Duration.ofMinutes(1), 2, null, List.of());
    RunReport report =
        engine.run(new Plans().add(task, "echo $AGENT_ATTEMPT > try.txt; exit 1").build(), repo);

    TaskReport api = report.task("api").orElseThrow();
    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason()).startsWith("all 2 attempts failed");
    assertThat(api.chosenAttempt()).isNull();
    assertThat(git.git(repo, "rev-parse", api.branch())).isEqualTo(api.commit());
  }

  @Test
  void hugePrompt_isPassedByItsFile_andTheAgentStillStarts() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .interfaces("x".repeat(200_000))
                .task(
                    "api",
                    "wc -c < \"$AGENT_PROMPT_FILE\" | tr -d ' ' > size.txt; echo \"$AGENT_PROMPT\" > env.txt")
                .build(),
            repo);

    TaskReport api = report.task("api").orElseThrow();
    assertThat(api.status()).as(api.reason()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(Integer.parseInt(git.show(repo, api.branch(), "size.txt"))).isGreaterThan(200_000);
    assertThat(git.show(repo, api.branch(), "env.txt")).contains("too long").contains("prompt.md");
  }
}
