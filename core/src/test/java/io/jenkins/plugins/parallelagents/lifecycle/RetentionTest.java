package io.jenkins.plugins.parallelagents.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.lifecycle.CleanedRun.Action;
import io.jenkins.plugins.parallelagents.plan.CleanupSettings;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.report.ReportWriter;
import io.jenkins.plugins.parallelagents.report.RunInfo;
import io.jenkins.plugins.parallelagents.report.RunOwner;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which runs a clean removes, and that it removes all of them: folders, trees, branches. */
@Timeout(300)
class RetentionTest extends RetentionTestBase {

  private static final Plan PUBLISHING =
      new Plans().task("api", "echo api > api.txt").task("web", "echo web > web.txt").build();

  @Test
  void keepRunsTwo_afterFourRuns_leavesTheTwoNewest_withNothingOfTheOthersLeft() throws Exception {
    for (String id : List.of("r1", "r2", "r3", "r4")) {
      run(PUBLISHING, id);
    }
    assertThat(Files.isDirectory(tree("r1", "api"))).as("trees stay after a run").isTrue();

    List<CleanedRun> done = retention().applyRetention(new CleanupSettings(4, 2), null, false);

    assertThat(done)
        .extracting(CleanedRun::runId, CleanedRun::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("r4", Action.KEEP),
            org.assertj.core.groups.Tuple.tuple("r3", Action.KEEP),
            org.assertj.core.groups.Tuple.tuple("r2", Action.REMOVE),
            org.assertj.core.groups.Tuple.tuple("r1", Action.REMOVE));
    assertThat(folderNames(state.resolve("runs"))).containsExactly("r3", "r4");
    assertThat(folderNames(state.resolve("worktrees"))).containsExactly("r3", "r4");
    assertThat(refs("refs/heads/agents/r1")).isEmpty();
    assertThat(refs("refs/heads/agents/r2")).isEmpty();
    assertThat(refs("refs/heads/agents/r3")).hasSize(3); // api, web, _integration
    assertThat(refs("refs/heads/agents/r4")).hasSize(3);
  }

  @Test
  void workTheTargetContains_isNotSnapshotted_andLeavesNoArchive() throws Exception {
    run(PUBLISHING, "r1");

    List<CleanedRun> done = retention().cleanAll(CleanupSettings.DEFAULT, false);

    assertThat(done).singleElement().extracting(CleanedRun::action).isEqualTo(Action.REMOVE);
    assertThat(done.get(0).saved()).isEmpty();
    assertThat(refs("refs/parallel-agents")).isEmpty();
    assertThat(refs("refs/heads/agents")).containsExactly("refs/heads/agents/feature");
    assertThat(Files.exists(state.resolve("archive/r1"))).isFalse();
    assertThat(Files.exists(state.resolve("runs/r1"))).isFalse();
  }

  @Test
  void runInProgress_isNeverCleaned_norTheRunFinishing() throws Exception {
    run(PUBLISHING, "r1");
    run(PUBLISHING, "r2");
    run(PUBLISHING, "r3");
    markRunningByThisJvm("r1");

    List<CleanedRun> retained = retention().applyRetention(new CleanupSettings(0, 1), "r2", false);
    List<CleanedRun> named = retention().clean(List.of("r1"), CleanupSettings.DEFAULT, false);
    List<CleanedRun> all = retention().cleanAll(CleanupSettings.DEFAULT, false);

    assertThat(retained)
        .filteredOn(r -> r.runId().equals("r2"))
        .singleElement()
        .extracting(CleanedRun::action, CleanedRun::reason)
        .containsExactly(Action.KEEP, "the run that is finishing");
    for (List<CleanedRun> done : List.of(retained, named, all)) {
      assertThat(done)
          .filteredOn(r -> r.runId().equals("r1"))
          .singleElement()
          .extracting(CleanedRun::action, CleanedRun::reason)
          .containsExactly(Action.KEEP, "in progress");
    }
    assertThat(Files.isDirectory(tree("r1", "api"))).isTrue();
    assertThat(refs("refs/heads/agents/r1")).hasSize(3);
    assertThat(folderNames(state.resolve("runs"))).containsExactly("r1");
  }

  @Test
  void dryRun_removesNothing_andSaysWhatWouldBeSaved() throws Exception {
    Plan failing = new Plans().task("api", "echo api > api.txt").test("exit 1").build();
    run(failing, "r1");
    List<String> before = everything();

    List<CleanedRun> done = retention().cleanAll(CleanupSettings.DEFAULT, true);

    assertThat(everything()).isEqualTo(before);
    assertThat(done).singleElement().extracting(CleanedRun::dryRun).isEqualTo(true);
    assertThat(done.get(0).saved())
        .extracting(SavedWork::what)
        .contains("unpublished branch agents/r1/api", "uncommitted changes of api, if any");
  }

  @Test
  void expiredSnapshots_goWithTheirArchive() throws Exception {
    Plan failing = new Plans().task("api", "echo api > api.txt").test("exit 1").build();
    run(failing, "r1");
    retention().cleanAll(CleanupSettings.DEFAULT, false);
    assertThat(refs(SnapshotRefs.ofRun("r1"))).isNotEmpty();

    retention().cleanAll(new CleanupSettings(4, 10, 30), false);
    assertThat(refs(SnapshotRefs.ofRun("r1"))).as("kept for 30 days").isNotEmpty();
    List<CleanedRun> done = retention().cleanAll(new CleanupSettings(4, 10, 0), false);

    assertThat(done).singleElement().extracting(CleanedRun::action).isEqualTo(Action.EXPIRE);
    assertThat(refs("refs/parallel-agents")).isEmpty();
    assertThat(Files.exists(state.resolve("archive/r1"))).isFalse();
  }

  private void markRunningByThisJvm(String runId) throws Exception {
    RunEntry entry = new RunCatalog(root).find(runId).orElseThrow();
    RunReport report = entry.report();
    RunInfo run = report.run();
    RunInfo running =
        new RunInfo(
            run.id(),
            run.name(),
            RunStatus.RUNNING,
            null,
            run.base(),
            run.target(),
            run.startedAt(),
            null,
            run.directory(),
            RunOwner.current());
    new ReportWriter()
        .writeJson(
            new RunReport(
                report.schema(),
                running,
                report.tasks(),
                report.predictedConflicts(),
                report.merge(),
                report.test(),
                report.publish(),
                report.timing()),
            entry.folder());
  }

  /** Every file of the state folder and every ref of the repository. */
  private List<String> everything() throws Exception {
    try (Stream<Path> paths = Files.walk(state)) {
      return Stream.concat(
              paths.map(p -> state.relativize(p).toString()),
              Stream.of(git.git(repo, "for-each-ref")))
          .sorted()
          .toList();
    }
  }

  private static List<String> folderNames(Path folder) throws Exception {
    try (Stream<Path> paths = Files.list(folder)) {
      return paths
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    }
  }
}
