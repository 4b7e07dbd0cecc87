package io.jenkins.plugins.parallelagents.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
  void backgroundProcessesLeftByAStep_areStoppedWhenItEnds() throws Exception {
    Path pidFile = dir.resolve("server.pid");
    CommandResult result =
        runner.run(
            CommandRequest.logged(
                dir,
                List.of("sh", "-c", "sleep 300 > /dev/null 2>&1 & echo $! > server.pid"),
                Map.of(),
                Duration.ofMinutes(1),
                null,
                null));

    assertThat(result.ok()).isTrue();
    long server = Long.parseLong(Files.readString(pidFile).strip());
    assertThat(stopsWithin10s(server)).as("the background server the step left").isTrue();
  }

  private static boolean stopsWithin10s(long pid) {
    return ProcessHandle.of(pid)
        .map(
            h -> {
              try {
                h.onExit().get(10, TimeUnit.SECONDS);
                return true;
              } catch (TimeoutException e) {
                h.destroyForcibly();
                return false;
              } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
              }
            })
        .orElse(true);
  }

  @Test
  void listenerThatThrows_doesNotStopTheStep() throws Exception {
    Path log = dir.resolve("agent.log");
    CommandResult result =
        runner.run(
            CommandRequest.logged(
                dir,
                List.of("sh", "-c", "for i in 1 2 3; do echo line $i; done"),
                Map.of(),
                null,
                log,
                line -> {
                  throw new IllegalStateException("host is broken");
                }));

    assertThat(result.ok()).isTrue();
    assertThat(Files.readAllLines(log)).containsExactly("line 1", "line 2", "line 3");
  }

  @Test
  void programThatIsNotExecutable_isAResultSayingSo() throws Exception {
    Files.writeString(dir.resolve("agent.sh"), "echo hi\n");
    CommandResult result = runner.run(CommandRequest.captured(dir, List.of("./agent.sh")));

    assertThat(result.failureToStart())
        .isEqualTo("permission denied: ./agent.sh is not executable");
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
        runner.run(
            CommandRequest.logged(
                dir,
                List.of("sh", "-c", "sleep 300 & echo $! > child.pid; touch started; wait"),
                Map.of(),
                null,
                null,
                null));
    canceller.join();

    assertThat(result.cancelled()).isTrue();
    long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).strip());
    assertThat(stopsWithin10s(child)).as("the agent's child").isTrue();
    assertThat(runner.run(CommandRequest.captured(dir, List.of("true"))).cancelled()).isTrue();
  }
}
