package io.jenkins.plugins.parallelagents.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.jenkins.plugins.parallelagents.testing.PrefixingLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchingCommandRunnerTest {

  /** Decorates every launch as {@code docker exec} would: the command runs "somewhere else". */
  private static final List<String> IN_CONTAINER = List.of("env", "IN_CONTAINER=yes");

  /**
   * The same, and the processes do not carry the run's marker, as those of a container the host's
   * sweep cannot reach: only the launcher's own kill stops them.
   */
  private static final List<String> OUT_OF_REACH =
      List.of("env", "-u", RunMarker.VARIABLE, "IN_CONTAINER=yes");

  @TempDir Path dir;

  private final List<LaunchingCommandRunner> runners = new ArrayList<>();
  private final List<String> lines = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeRunners() {
    runners.forEach(LaunchingCommandRunner::close);
  }

  @Test
  void loggedCommand_runsThroughTheLauncher_capturedGitCallStaysLocal() {
    PrefixingLauncher launcher = new PrefixingLauncher(IN_CONTAINER);
    LaunchingCommandRunner runner = runner(launcher, new LocalCommandRunner(System.getenv()));

    CommandResult step = runner.run(logged("echo in-container:${IN_CONTAINER:-no}", null));
    CommandResult git =
        runner.run(
            CommandRequest.captured(dir, List.of("git", "-c", "x.y=${IN_CONTAINER:-no}", "init")));
    CommandResult captured =
        runner.run(CommandRequest.captured(dir, List.of("sh", "-c", "echo ${IN_CONTAINER:-no}")));

    assertThat(step.ok()).isTrue();
    assertThat(lines).containsExactly("in-container:yes");
    assertThat(git.ok()).as(git.stderr()).isTrue();
    assertThat(captured.stdout()).isEqualTo("no\n");
    assertThat(launcher.launched()).hasSize(1);
  }

  @Test
  void launchedStep_getsExactlyTheRunnersEnvironment() {
    assumeThat(System.getenv("HOME")).as("a variable the JVM has and the base lacks").isNotNull();
    Map<String, String> base = Map.of("PATH", System.getenv("PATH"), "FROM_BASE", "b");
    LaunchingCommandRunner runner =
        runner(new PrefixingLauncher(IN_CONTAINER), new LocalCommandRunner(base));

    CommandResult result =
        runner.run(
            CommandRequest.logged(
                dir, List.of("env"), Map.of("FROM_REQUEST", "r"), null, null, lines::add));

    assertThat(result.ok()).isTrue();
    assertThat(lines)
        .contains("FROM_BASE=b", "FROM_REQUEST=r", "IN_CONTAINER=yes")
        .anyMatch(line -> line.startsWith(RunMarker.VARIABLE + "="))
        .noneMatch(line -> line.startsWith("HOME="));
  }

  @Test
  void timeout_killsTheLaunchedStep_andSaysItTimedOut() throws Exception {
    LaunchingCommandRunner runner =
        runner(new PrefixingLauncher(OUT_OF_REACH), new LocalCommandRunner(System.getenv()));

    CommandResult result =
        runner.run(
            CommandRequest.logged(
                dir,
                List.of("sh", "-c", "echo $$; exec sleep 300"),
                Map.of(),
                Duration.ofSeconds(1),
                null,
                lines::add));

    assertThat(result.timedOut()).isTrue();
    assertThat(result.ok()).isFalse();
    assertThat(stopsWithin10s(Long.parseLong(lines.get(0)))).as("the timed-out step").isTrue();
  }

  @Test
  void output_goesThroughTheLineFilter_toTheLinesAndTheLogFile() throws Exception {
    LaunchingCommandRunner runner =
        runner(
            new PrefixingLauncher(IN_CONTAINER),
            new LocalCommandRunner(System.getenv(), line -> line.replace("s3cret", "****")));
    Path log = dir.resolve("logs/step.log");

    CommandResult result = runner.run(logged("echo token=s3cret; echo done >&2", log));

    assertThat(result.ok()).isTrue();
    assertThat(lines).containsExactly("token=****", "done");
    assertThat(Files.readString(log)).isEqualTo("token=****\ndone\n");
  }

  @Test
  void cancelAll_stopsARunningLaunchedStep_andLaterOnesDoNotStart() throws Exception {
    PrefixingLauncher launcher = new PrefixingLauncher(OUT_OF_REACH);
    LaunchingCommandRunner runner = runner(launcher, new LocalCommandRunner(System.getenv()));
    CompletableFuture<CommandResult> running =
        CompletableFuture.supplyAsync(() -> runner.run(logged("echo $$; exec sleep 300", null)));
    long pid = awaitFirstLine();

    runner.cancelAll();

    CommandResult result = running.get(30, TimeUnit.SECONDS);
    assertThat(result.cancelled()).isTrue();
    assertThat(stopsWithin10s(pid)).as("the cancelled step").isTrue();
    assertThat(runner.run(logged("echo late", null)).cancelled()).isTrue();
    assertThat(launcher.launched()).hasSize(1);
  }

  @Test
  void backgroundProcessLeftByALocallyLaunchedStep_isStoppedWhenItEnds() throws Exception {
    LaunchingCommandRunner runner =
        runner(new PrefixingLauncher(IN_CONTAINER), new LocalCommandRunner(System.getenv()));

    CommandResult result = runner.run(logged("sleep 300 > /dev/null 2>&1 & echo $!", null));

    assertThat(result.ok()).isTrue();
    assertThat(stopsWithin10s(Long.parseLong(lines.get(0)))).as("the left server").isTrue();
  }

  @Test
  void stepTheLauncherCannotStart_failsToStartWithItsReason() {
    LaunchingCommandRunner runner =
        runner(new PrefixingLauncher(List.of()), new LocalCommandRunner(System.getenv()));

    CommandResult result =
        runner.run(
            CommandRequest.logged(
                dir, List.of("no-such-program-here"), Map.of(), null, null, lines::add));

    assertThat(result.ok()).isFalse();
    assertThat(result.failureToStart()).contains("no-such-program-here");
  }

  @Test
  void launcherThatThrows_isAStepThatDidNotStart_notABrokenRun() {
    StepLauncher broken =
        (argv, directory, environment, output) -> {
          throw new IllegalStateException("the container is gone");
        };
    LaunchingCommandRunner runner = runner(broken, new LocalCommandRunner(System.getenv()));

    CommandResult result = runner.run(logged("echo never", null));

    assertThat(result.ok()).isFalse();
    assertThat(result.failureToStart()).contains("sh", "the container is gone");
  }

  private LaunchingCommandRunner runner(StepLauncher launcher, LocalCommandRunner local) {
    LaunchingCommandRunner runner = new LaunchingCommandRunner(local, launcher);
    runners.add(runner);
    return runner;
  }

  private CommandRequest logged(String script, Path log) {
    return CommandRequest.logged(
        dir, List.of("sh", "-c", script), Map.of(), Duration.ofMinutes(1), log, lines::add);
  }

  private long awaitFirstLine() throws InterruptedException {
    for (int i = 0; i < 300 && lines.isEmpty(); i++) {
      Thread.sleep(100);
    }
    assertThat(lines).as("the step's first line").isNotEmpty();
    return Long.parseLong(lines.get(0));
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
}
