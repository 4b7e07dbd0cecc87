package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.MarkedProcesses;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Nothing of a run outlives it: not its cancellation, not the death of its JVM. */
@Timeout(300)
class RunLifetimeTest extends EngineTestBase {

  @Test
  void engineJvmKilled_leavesNoProcessOfItsRun_andTheNextRunMarksItInterrupted() throws Exception {
    Process jvm =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DyingRunMain.class.getName(),
                temp.toString(),
                repo.toString())
            .redirectErrorStream(true)
            .start();
    Path runDirectory = null;
    String marker = null;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (marker == null && (line = out.readLine()) != null) {
        if (line.startsWith("run ")) {
          runDirectory = Path.of(line.substring(4));
        } else if (line.startsWith("marker ")) {
          marker = line.substring(7);
        }
      }
      assertThat(marker).as("the agent's marker").isNotNull();
      // The agent prints the marker before it starts the processes it leaves: wait for them.
      long deadline = System.currentTimeMillis() + 30_000;
      while (MarkedProcesses.ofRunner(marker).size() < 3 && System.currentTimeMillis() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(MarkedProcesses.ofRunner(marker))
          .as("the agent, its sleep and the escaped sh and sleep")
          .hasSizeGreaterThanOrEqualTo(3);

      jvm.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
      jvm.waitFor();
    }

    assertThat(MarkedProcesses.leftAfter(marker, 30)).as("processes of the killed run").isEmpty();

    Path deadReport = new RunDirectory(runDirectory).reportJson();
    assertThat(new ReportJson().read(deadReport).run().status()).isEqualTo(RunStatus.RUNNING);
    engine.run(new Plans().task("next", "echo next > next.txt").build(), repo);
    RunReport dead = new ReportJson().read(deadReport);
    assertThat(dead.run().status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(dead.run().reason())
        .isEqualTo(
            "the process running it (pid "
                + jvm.pid()
                + " on "
                + dead.run().owner().host()
                + ") ended before the run did");
    assertThat(dead.task("stuck").orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
    assertThat(Files.readString(runDirectory.resolve(RunDirectory.REPORT_MD)))
        .contains("— INTERRUPTED");
  }

  @Test
  void runningRunOfALiveProcess_isNotMarkedInterrupted() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Set<String> runs = ConcurrentHashMap.newKeySet();
    RunEngine first =
        new RunEngine(
            new Plans().task("slow", "echo working; sleep 300").build(),
            engine.options(repo),
            new RunListener() {
              @Override
              public void runStarted(String runId, Path runDirectory) {
                runs.add(runDirectory.toString());
              }

              @Override
              public void output(String source, String step, String line) {
                started.countDown();
              }
            });
    CompletableFuture<RunReport> running = CompletableFuture.supplyAsync(() -> execute(first));
    assertThat(started.await(120, TimeUnit.SECONDS)).isTrue();

    engine.run(new Plans().task("other", "echo b > b.txt").build(), repo);

    Path report = new RunDirectory(Path.of(runs.iterator().next())).reportJson();
    assertThat(new ReportJson().read(report).run().status()).isEqualTo(RunStatus.RUNNING);
    first.cancel();
    assertThat(running.get(60, TimeUnit.SECONDS).run().status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void cancel_stopsTwentyAgentsThatIgnoreTerm_andMarksThemCancelled() throws Exception {
    int agents = 20;
    Plans plans = new Plans();
    for (int i = 0; i < agents; i++) {
      plans.task("t" + i, "trap '' TERM; echo \"marker $PARALLEL_AGENTS_RUN_TOKEN\"; sleep 9999");
    }
    Set<String> markers = ConcurrentHashMap.newKeySet();
    CountDownLatch allStarted = new CountDownLatch(agents);
    RunEngine run =
        new RunEngine(
            plans.build(),
            engine.options(repo),
            new RunListener() {
              @Override
              public void output(String source, String step, String line) {
                if (line.startsWith("marker ")) {
                  markers.add(line.substring(7));
                  allStarted.countDown();
                }
              }
            });
    CompletableFuture<RunReport> result = CompletableFuture.supplyAsync(() -> execute(run));
    assertThat(allStarted.await(240, TimeUnit.SECONDS)).isTrue();

    run.cancel();

    RunReport report = result.get(60, TimeUnit.SECONDS);
    assertThat(report.tasks()).extracting(TaskReport::status).containsOnly(TaskStatus.CANCELLED);
    assertThat(report.run().status()).isEqualTo(RunStatus.FAILED);
    for (String marker : markers) {
      assertThat(MarkedProcesses.leftAfter(marker, 10)).isEmpty();
    }
    assertThat(List.copyOf(markers)).isNotEmpty();
  }

  private static RunReport execute(RunEngine run) {
    try {
      return run.execute();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
