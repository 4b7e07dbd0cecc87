package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SchedulingTest extends EngineTestBase {

  private static boolean overlap(TaskReport a, TaskReport b) {
    return a.startedAt().isBefore(b.finishedAt()) && b.startedAt().isBefore(a.finishedAt());
  }

  @Test
  void independentTasks_runAtTheSameTime() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("a", "sleep 1; echo a > a.txt")
                .task("b", "sleep 1; echo b > b.txt")
                .maxParallel(2)
                .build(),
            repo);

    assertThat(overlap(report.task("a").orElseThrow(), report.task("b").orElseThrow())).isTrue();
    long sum = report.tasks().stream().mapToLong(TaskReport::durationMs).sum();
    assertThat(sum).isGreaterThan(report.timing().phasesMs().get("tasks"));
  }

  @Test
  void maxParallelOne_runsTasksOneAfterAnother() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("a", "sleep 1; echo a > a.txt")
                .task("b", "sleep 1; echo b > b.txt")
                .maxParallel(1)
                .build(),
            repo);

    assertThat(overlap(report.task("a").orElseThrow(), report.task("b").orElseThrow())).isFalse();
  }

  @Test
  void jobsOption_overridesThePlansMaxParallel() throws Exception {
    RunReport report =
        new RunEngine(
                new Plans()
                    .task("a", "sleep 1; echo a > a.txt")
                    .task("b", "sleep 1; echo b > b.txt")
                    .maxParallel(2)
                    .build(),
                engine.options(repo).withJobs(1),
                RunListener.NONE)
            .execute();

    assertThat(overlap(report.task("a").orElseThrow(), report.task("b").orElseThrow())).isFalse();
  }

  @Test
  void aTaskStartsAsSoonAsItsNeedsAreDone_notWhenTheWaveEnds() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("slow", "sleep 3; echo s > s.txt")
                .task("quick", "echo q > q.txt")
                .task("next", "echo n > n.txt", "quick")
                .maxParallel(3)
                .build(),
            repo);

    TaskReport next = report.task("next").orElseThrow();
    TaskReport slow = report.task("slow").orElseThrow();
    assertThat(next.startedAt()).isBefore(slow.finishedAt());
    assertThat(next.startedAt()).isAfterOrEqualTo(report.task("quick").orElseThrow().finishedAt());
  }

  @Test
  void aFailedTask_skipsItsDependants_whileIndependentTasksGoOn() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("api", "echo half > half.txt; exit 2")
                .task("page", "echo p > p.txt", "api")
                .task("deeper", "echo d > d.txt", "page")
                .task("other", "echo o > o.txt")
                .build(),
            repo);

    TaskReport api = report.task("api").orElseThrow();
    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason()).isEqualTo("agent 'agent-api' failed (exit 2)");
    assertThat(report.task("page").orElseThrow().status()).isEqualTo(TaskStatus.SKIPPED);
    assertThat(report.task("page").orElseThrow().reason()).isEqualTo("needs 'api', which failed");
    assertThat(report.task("deeper").orElseThrow().status()).isEqualTo(TaskStatus.SKIPPED);
    assertThat(report.task("other").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(report.run().status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(report.run().reason())
        .startsWith("published without 'api', 'page', 'deeper': 'api' FAILED");
    assertThat(report.merge().status()).isEqualTo(MergeStatus.PARTIAL);
    assertThat(report.merge().merged()).containsExactly("other");
    assertThat(git.show(repo, api.branch(), "half.txt"))
        .as("the failed task's work survives")
        .isEqualTo("half");
    assertThat(git.show(repo, "agents/feature", "o.txt"))
        .as("the independent task is published")
        .isEqualTo("o");
    assertThat(git.show(repo, "agents/feature", "half.txt")).as("the failed one is not").isNull();
  }

  @Test
  void aFailedFoundation_skipsEverythingElse() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .foundation("migration", "exit 1")
                .task("api", "echo a > a.txt", "migration")
                .build(),
            repo);

    assertThat(report.task("migration").orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(report.task("api").orElseThrow().status()).isEqualTo(TaskStatus.SKIPPED);
  }

  @Test
  void failFast_stopsRunningTasksAtTheFirstFailure() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("broken", "exit 1")
                .task("long", "sleep 300")
                .task("later", "echo l > l.txt", "long")
                .failFast()
                .build(),
            repo);

    assertThat(report.task("broken").orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(report.task("long").orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(report.task("later").orElseThrow().status())
        .isIn(TaskStatus.SKIPPED, TaskStatus.CANCELLED);
  }

  @Test
  void cancel_killsRunningAgents_marksThemCancelled_andKeepsTheirTrees() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    RunListener listener =
        new RunListener() {
          @Override
          public void output(String source, String step, String line) {
            if (line.equals("working")) {
              started.countDown();
            }
          }
        };
    RunEngine run =
        new RunEngine(
            new Plans()
                .task("long", "echo working; sleep 300")
                .task("after", "echo a > a.txt", "long")
                .build(),
            engine.options(repo),
            listener);
    AtomicReference<RunReport> result = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.set(run.execute());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    thread.start();
    assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
    run.cancel();
    thread.join(60_000);

    RunReport report = result.get();
    assertThat(report.task("long").orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(report.task("after").orElseThrow().status())
        .isIn(TaskStatus.SKIPPED, TaskStatus.CANCELLED);
    assertThat(report.run().status()).isEqualTo(RunStatus.FAILED);
    Path tree =
        Path.of(report.run().directory())
            .resolveSibling("../worktrees")
            .resolve(report.run().id())
            .resolve("long")
            .normalize();
    assertThat(tree.resolve(".git")).isDirectory();
    assertThat(git.git(tree, "rev-parse", "--abbrev-ref", "HEAD"))
        .isEqualTo("agents/" + report.run().id() + "/long");
  }

  @Test
  void cancelAfterTheTasks_stopsBeforeMergeAndPublishesNothing() throws Exception {
    AtomicReference<RunEngine> engineRef = new AtomicReference<>();
    RunListener cancelAtMerge =
        new RunListener() {
          @Override
          public void phaseStarted(String phase) {
            if (phase.equals("prediction")) {
              engineRef.get().cancel();
            }
          }
        };
    RunEngine run =
        new RunEngine(
            new Plans().task("a", "echo a > a.txt").build(), engine.options(repo), cancelAtMerge);
    engineRef.set(run);

    RunReport report = run.execute();

    assertThat(report.run().status()).isEqualTo(RunStatus.FAILED);
    assertThat(report.merge().status()).isEqualTo(MergeStatus.SKIPPED);
    assertThat(report.merge().reason()).isEqualTo("the run was cancelled");
    assertThat(git.git(repo, "branch", "--list", "agents/feature")).isEmpty();
  }
}
