package io.jenkins.plugins.parallelagents.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCommandRunnerTest {

  @TempDir Path dir;

  private final LocalCommandRunner runner = new LocalCommandRunner(System.getenv());

  @Test
  void timeout_killsTheWholeProcessTree() throws Exception {
    Path pidFile = dir.resolve("child.pid");
    CommandResult result =
        runner.run(
            CommandRequest.logged(
                dir,
                List.of("sh", "-c", "sleep 300 & echo $! > child.pid; wait"),
                Map.of(),
                Duration.ofSeconds(1),
                dir.resolve("out.log"),
                null));

    assertThat(result.timedOut()).isTrue();
    assertThat(result.ok()).isFalse();
    long child = Long.parseLong(Files.readString(pidFile).strip());
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false))
        .as("the background child of the timed-out command")
        .isFalse();
    assertThat(result.describeFailure("agent 'x'")).contains("timed out").contains("killed");
  }

  @Test
  void missingProgram_isAResultNamingIt() {
    CommandResult result =
        runner.run(CommandRequest.captured(dir, List.of("no-such-agent-program", "--go")));

    assertThat(result.ok()).isFalse();
    assertThat(result.exitCode()).isEqualTo(CommandResult.NOT_STARTED);
    assertThat(result.describeFailure("agent 'codex'"))
        .isEqualTo("agent 'codex' could not start: command not found: no-such-agent-program");
  }

  @Test
  void loggedOutput_goesToTheLogAndToTheListenerLineByLine() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Path log = dir.resolve("logs/agent.log");
    CommandResult result =
        runner.run(
            CommandRequest.logged(
                dir,
                List.of("sh", "-c", "echo one; echo two >&2; exit 3"),
                Map.of("X", "1"),
                null,
                log,
                lines::add));

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(lines).containsExactly("one", "two");
    assertThat(Files.readAllLines(log)).containsExactly("one", "two");
  }

  @Test
  void capturedOutput_keepsStdoutAndStderrApart() {
    CommandResult result =
        runner.run(CommandRequest.captured(dir, List.of("sh", "-c", "echo out; echo err >&2")));

    assertThat(result.stdout()).isEqualTo("out\n");
    assertThat(result.stderr()).isEqualTo("err\n");
  }

  @Test
  void cancelAll_killsRunningCommandsAndRefusesNewOnes() throws Exception {
    Path started = dir.resolve("started");
    Thread canceller =
        new Thread(
            () -> {
              while (!Files.exists(started)) {
                Thread.onSpinWait();
              }
              runner.cancelAll();
            });
    canceller.start();
    CommandResult result =
        runner.run(CommandRequest.captured(dir, List.of("sh", "-c", "touch started; sleep 300")));
    canceller.join();

    assertThat(result.cancelled()).isTrue();
    assertThat(runner.run(CommandRequest.captured(dir, List.of("true"))).cancelled()).isTrue();
  }
}
