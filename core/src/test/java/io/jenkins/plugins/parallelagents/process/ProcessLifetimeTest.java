package io.jenkins.plugins.parallelagents.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.testing.MarkedProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Nothing a runner starts outlives its step, its cancellation or the runner itself. */
@Timeout(120)
class ProcessLifetimeTest {

  @TempDir Path dir;

  private final LocalCommandRunner runner = new LocalCommandRunner(System.getenv());
  private final LocalCommandRunner other = new LocalCommandRunner(System.getenv());

  @AfterEach
  void closeRunners() {
    runner.close();
    other.close();
  }

  @Test
  void processThatLeftTheStepsSession_isStoppedWhenTheStepEnds() throws Exception {
    CommandResult result =
        step(runner, "setsid nohup sleep 9999 > /dev/null 2>&1 & echo $! > escaped.pid");

    assertThat(result.exitCode()).isZero();
    assertThat(stopsWithin10s(pid("escaped.pid"))).as("the setsid'd sleep").isTrue();
  }

  @Test
  void doubleForkedDaemon_isStoppedWhenTheStepEnds() throws Exception {
    CommandResult result =
        step(
            runner,
            "(setsid sh -c 'sleep 9999 & echo $! > daemon.pid; wait' > /dev/null 2>&1 &) ;"
                + " while [ ! -s daemon.pid ]; do sleep 0.05; done");

    assertThat(result.exitCode()).isZero();
    assertThat(stopsWithin10s(pid("daemon.pid"))).as("the double-forked sleep").isTrue();
  }

  @Test
  void oneStepEnding_leavesAnotherRunningStepsProcessesAlone() throws Exception {
    CompletableFuture<CommandResult> longStep =
        CompletableFuture.supplyAsync(
            () ->
                step(
                    runner, "setsid sleep 9999 > /dev/null 2>&1 & echo $! > long.pid; sleep 9999"));
    long longChild = awaitPid("long.pid");

    step(runner, "true");

    assertThat(ProcessHandle.of(longChild).map(ProcessHandle::isAlive)).contains(true);
    runner.cancelAll();
    assertThat(longStep.get(30, TimeUnit.SECONDS).cancelled()).isTrue();
    assertThat(stopsWithin10s(longChild)).isTrue();
  }

  @Test
  void cancellingOneRunner_leavesAnotherRunnersProcessesAlone() throws Exception {
    CompletableFuture<CommandResult> mine =
        CompletableFuture.supplyAsync(
            () -> step(runner, "setsid sleep 9999 > /dev/null 2>&1 & echo $! > mine.pid; wait"));
    CompletableFuture<CommandResult> theirs =
        CompletableFuture.supplyAsync(
            () -> step(other, "setsid sleep 9999 > /dev/null 2>&1 & echo $! > theirs.pid; wait"));
    long myChild = awaitPid("mine.pid");
    long theirChild = awaitPid("theirs.pid");

    runner.cancelAll();

    assertThat(mine.get(30, TimeUnit.SECONDS).cancelled()).isTrue();
    assertThat(stopsWithin10s(myChild)).isTrue();
    assertThat(theirs.isDone()).isFalse();
    assertThat(ProcessHandle.of(theirChild).map(ProcessHandle::isAlive)).contains(true);
    other.close();
    assertThat(stopsWithin10s(theirChild)).as("closing a runner stops its processes").isTrue();
  }

  @Test
  void watchdog_endsWhenTheRunnerIsClosed() throws Exception {
    step(runner, "true");
    ProcessHandle watchdog = runner.watchdog().orElseThrow();
    assertThat(watchdog.isAlive()).isTrue();

    runner.close();

    assertThat(watchdog.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
  }

  @Test
  void everyCommand_carriesTheRunnersMarker() throws Exception {
    step(runner, "echo \"$PARALLEL_AGENTS_RUN_TOKEN\" > token");

    assertThat("PARALLEL_AGENTS_RUN_TOKEN=" + Files.readString(dir.resolve("token")).strip())
        .startsWith(runner.markerPrefix());
  }

  /**
   * Starts a new copy of itself in a session of its own, then exits, over and over: killing what
   * one scan found is always one copy late. It gives up after 20,000 copies, so that a failing test
   * does not leave it running for ever.
   */
  private static final String RESPAWNER =
      """
      n=${1:-0}
      [ "$n" -gt 20000 ] && exit 0
      setsid sh "$0" $((n + 1)) < /dev/null > /dev/null 2>&1 &
      exit 0
      """;

  @Test
  void processThatKeepsRespawningItself_isGoneWhenTheStepEnds() throws Exception {
    Files.writeString(dir.resolve("respawn.sh"), RESPAWNER);

    CommandResult result = step(runner, "sh respawn.sh");

    assertThat(result.exitCode()).isZero();
    assertNoneLeft(runner.markerPrefix());
  }

  @Test
  void processThatKeepsRespawningItself_isGoneWhenTheRunnerIsClosed() throws Exception {
    Files.writeString(dir.resolve("respawn.sh"), RESPAWNER);
    CompletableFuture<CommandResult> running =
        CompletableFuture.supplyAsync(
            () -> step(runner, "sh respawn.sh; echo started > started; sleep 9999"));
    awaitFile("started");

    runner.close();

    assertThat(running.get(30, TimeUnit.SECONDS).ok()).isFalse();
    assertNoneLeft(runner.markerPrefix());
  }

  /**
   * No process carries the marker, in scan after scan (found independently of the engine's own
   * search): a respawning process that escaped would show up in nearly every one.
   */
  private static void assertNoneLeft(String markerPrefix) {
    String value = markerPrefix.substring((RunMarker.VARIABLE + "=").length());
    for (int scan = 0; scan < 50; scan++) {
      List<Long> found = new ArrayList<>();
      StringBuilder why = new StringBuilder();
      for (long pid : MarkedProcesses.ofRunner(value)) {
        // A process killed an instant before the scan may still show its environment, then turn
        // zombie: it died, it is not left running.
        try {
          String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
          if (!stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z")) {
            found.add(pid);
            why.append(stat).append(" | ");
          }
        } catch (IOException gone) {
          // ended between the scan and this look
        }
      }
      assertThat(found).as("marked processes, scan " + scan + ": " + why).isEmpty();
    }
  }

  private void awaitFile(String file) throws IOException {
    awaitPid(file, false);
  }

  private CommandResult step(LocalCommandRunner on, String script) {
    return on.run(
        CommandRequest.logged(
            dir, List.of("sh", "-c", script), Map.of(), Duration.ofMinutes(1), null, null));
  }

  private long pid(String file) throws IOException {
    return Long.parseLong(Files.readString(dir.resolve(file)).strip());
  }

  /** Waits for a step running in the background to have written its child's pid. */
  private long awaitPid(String file) throws IOException {
    return awaitPid(file, true);
  }

  private long awaitPid(String file, boolean pid) throws IOException {
    Path path = dir.resolve(file);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (Files.exists(path) && !Files.readString(path).isBlank()) {
        return pid ? pid(file) : 0;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError(file + " was not written");
  }

  static boolean stopsWithin10s(long pid) {
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
