package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.plan.CleanupSettings;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunInfo;
import io.jenkins.plugins.parallelagents.report.RunOwner;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Going on from an earlier run keeps what it finished: no finished agent runs twice. */
class ContinuationTest extends EngineTestBase {

  private Path counts;

  @BeforeEach
  void counter() throws Exception {
    counts = Files.createDirectories(temp.resolve("counts"));
  }

  /** The agent's script, counting each run of it in a file outside every repository. */
  private String counted(String id, String work) {
    return "echo run >> " + counts.resolve(id) + "; " + work;
  }

  private long runsOf(String id) throws Exception {
    Path file = counts.resolve(id);
    return Files.exists(file) ? Files.readAllLines(file).size() : 0;
  }

  private RunReport goOn(Plan plan, String runId, Continuation continuation)
      throws EnvironmentException {
    return engine.run(plan, engine.options(repo).continuing(runId, continuation));
  }

  private static Map<String, TaskReport> byId(RunReport report) {
    return report.tasks().stream().collect(Collectors.toMap(TaskReport::id, Function.identity()));
  }

  @Test
  void retryOfAFailedTask_runsOnlyItAndItsDependants_thenPublishes() throws Exception {
    Path flag = temp.resolve("fixed");
    Plan plan =
        new Plans()
            .task("a", counted("a", "echo a > a.txt"))
            .task("b", counted("b", "test -f " + flag + " || exit 1; echo b > b.txt"))
            .task("c", counted("c", "echo c > c.txt"), "b")
            .build();
    RunReport first = engine.run(plan, repo);
    assertThat(first.run().status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(byId(first).get("c").status()).isEqualTo(TaskStatus.SKIPPED);
    assertThat(git.show(repo, "agents/feature", "b.txt")).as("published without b").isNull();
    Files.writeString(flag, "");

    RunReport retried = goOn(plan, first.run().id(), Continuation.retry(Set.of("b")));

    assertThat(retried.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(retried.run().id()).isEqualTo(first.run().id());
    assertThat(runsOf("a")).as("a's agent runs").isEqualTo(1);
    assertThat(runsOf("b")).as("b's agent runs").isEqualTo(2);
    assertThat(runsOf("c")).as("c's agent runs").isEqualTo(1);
    assertThat(retried.publish().status()).isEqualTo(PublishStatus.UPDATED);
    assertThat(git.show(repo, "agents/feature", "a.txt")).isEqualTo("a");
    assertThat(git.show(repo, "agents/feature", "b.txt")).isEqualTo("b");
    assertThat(git.show(repo, "agents/feature", "c.txt")).isEqualTo("c");
    assertThat(byId(retried).get("a").commit()).isEqualTo(byId(first).get("a").commit());
  }

  @Test
  void retryOfATaskOthersNeed_runsThoseAgain_andLeavesIndependentTasksAlone() throws Exception {
    Plan plan =
        new Plans()
            .task("a", counted("a", "echo a > a.txt"))
            .task("b", counted("b", "echo b-$(cat " + counts.resolve("b") + " | wc -l) > b.txt"))
            .task("c", counted("c", "cat b.txt > c.txt"), "b")
            .build();
    RunReport first = engine.run(plan, repo);
    assertThat(first.run().status()).isEqualTo(RunStatus.SUCCEEDED);

    RunReport retried = goOn(plan, first.run().id(), Continuation.retry(Set.of("b")));

    assertThat(runsOf("a")).isEqualTo(1);
    assertThat(runsOf("b")).isEqualTo(2);
    assertThat(runsOf("c")).isEqualTo(2);
    assertThat(git.show(repo, "agents/" + first.run().id() + "/c", "c.txt"))
        .as("c started from b's new work")
        .isEqualTo("b-2");
    assertThat(retried.tasks()).allMatch(t -> t.status() == TaskStatus.SUCCEEDED);
  }

  @Test
  void mergeAfterAConflictFixedByHand_mergesTheBranchAsItIsNow_andRunsNoAgent() throws Exception {
    Plan plan =
        new Plans()
            .task("a", counted("a", "echo from-a > shared.txt"))
            .task("b", counted("b", "echo from-b > shared.txt"))
            .build();
    RunReport first = engine.run(plan, repo);
    assertThat(first.merge().status()).isEqualTo(MergeStatus.PARTIAL);
    assertThat(first.merge().setAside()).extracting(s -> s.task()).containsExactly("b");
    String runId = first.run().id();
    // The user resolves it on b's branch, in a worktree of their own.
    Path fix = temp.resolve("fix");
    git.git(repo, "worktree", "add", "-q", fix.toString(), "agents/" + runId + "/b");
    git.git(fix, "merge", "-q", "-s", "ours", "-m", "Merge a", "agents/" + runId + "/a");
    Files.writeString(fix.resolve("shared.txt"), "from-a and from-b\n");
    git.git(fix, "commit", "-qam", "Resolve shared.txt");
    git.git(repo, "worktree", "remove", fix.toString());

    RunReport merged = goOn(plan, runId, Continuation.merge());

    assertThat(merged.merge().status()).isEqualTo(MergeStatus.MERGED);
    assertThat(merged.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(git.show(repo, "agents/feature", "shared.txt")).isEqualTo("from-a and from-b");
    assertThat(runsOf("a") + runsOf("b")).as("agent runs").isEqualTo(2);
  }

  @Test
  void resumeWithAChangedTask_runsItAndItsDependantsAgain_only() throws Exception {
    Path green = temp.resolve("green");
    Plan plan =
        new Plans()
            .task("a", counted("a", "echo a > a.txt"))
            .task("b", counted("b", "echo b > b.txt"))
            .task("c", counted("c", "echo c > c.txt"), "b")
            .test("test -f " + green)
            .build();
    RunReport first = engine.run(plan, repo);
    assertThat(first.run().status()).isEqualTo(RunStatus.FAILED);
    Files.writeString(green, "");
    Plan changed =
        new Plans()
            .task("a", counted("a", "echo a > a.txt"))
            .task("b", counted("b", "echo b2 > b.txt"))
            .task("c", counted("c", "echo c > c.txt"), "b")
            .test("test -f " + green)
            .build();

    RunReport resumed = goOn(changed, first.run().id(), Continuation.resume());

    assertThat(runsOf("a")).isEqualTo(1);
    assertThat(runsOf("b")).isEqualTo(2);
    assertThat(runsOf("c")).isEqualTo(2);
    assertThat(resumed.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(git.show(repo, "agents/feature", "b.txt")).isEqualTo("b2");
  }

  @Test
  void runStillInProgress_isNotContinued() throws Exception {
    RunReport first =
        engine.run(new Plans().task("a", counted("a", "echo a > a.txt")).build(), repo);
    Path json = Path.of(first.run().directory(), "report.json");
    RunInfo info = first.run();
    RunReport running =
        new RunReport(
            first.schema(),
            new RunInfo(
                info.id(),
                info.name(),
                RunStatus.RUNNING,
                null,
                info.base(),
                info.target(),
                info.startedAt(),
                null,
                info.directory(),
                RunOwner.current()),
            first.tasks(),
            first.predictedConflicts(),
            first.merge(),
            first.test(),
            first.publish(),
            first.timing());
    new ReportJson().write(running, json);

    assertThatThrownBy(
            () ->
                goOn(
                    new Plans().task("a", counted("a", "echo a > a.txt")).build(),
                    info.id(),
                    Continuation.resume()))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("is still running")
        .hasMessageContaining("pid " + ProcessHandle.current().pid());
    assertThat(runsOf("a")).isEqualTo(1);
  }

  @Test
  void unknownRun_namesTheCommandThatListsRuns() {
    assertThatThrownBy(
            () ->
                goOn(
                    new Plans().task("a", "true").build(),
                    "20260101-000000-abcd",
                    Continuation.resume()))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("no run '20260101-000000-abcd'")
        .satisfies(
            e -> assertThat(((EnvironmentException) e).fix()).contains("parallel-agents runs"));
  }

  @Test
  void everyRunEnds_byApplyingTheRetentionToTheOtherRuns() throws Exception {
    List<RunReport> runs = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      runs.add(
          engine.run(
              new Plans()
                  .task("a", "echo " + n + " > a.txt")
                  .target("agents/t" + n)
                  .cleanup(new CleanupSettings(4, 2))
                  .build(),
              repo));
    }

    String removed = runs.get(0).run().id();
    assertThat(Path.of(runs.get(0).run().directory())).doesNotExist();
    assertThat(git.git(repo, "branch", "--list", "agents/" + removed + "/*")).isEmpty();
    for (RunReport kept : runs.subList(1, 3)) {
      assertThat(Path.of(kept.run().directory())).isDirectory();
      assertThat(git.git(repo, "branch", "--list", "agents/" + kept.run().id() + "/a"))
          .isNotEmpty();
    }
    assertThat(git.git(repo, "rev-parse", "agents/t1")).as("a published target stays").isNotEmpty();
  }
}
