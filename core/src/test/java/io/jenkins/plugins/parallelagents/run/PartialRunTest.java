package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.SetAside;
import io.jenkins.plugins.parallelagents.report.SetAsideCause;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A task that fails does not stop the others from being combined, tested and published. */
class PartialRunTest extends EngineTestBase {

  @Test
  void aFailedTask_isSetAside_andTheOthersArePublishedAsPartial() throws Exception {
    List<String> phases = new CopyOnWriteArrayList<>();
    RunReport report =
        engine.run(
            new Plans()
                .task("api", "echo a > a.txt")
                .task("broken", "echo half > half.txt && exit 4")
                .task("page", "echo p > p.txt")
                .task("after-broken", "echo x > x.txt", "broken")
                .test("test -f a.txt && test -f p.txt")
                .build(),
            repo,
            new RunListener() {
              @Override
              public void phaseFinished(String phase, String outcome) {
                phases.add(phase + " " + outcome);
              }
            });

    assertThat(phases).contains("merge PARTIAL: 2 combined, 2 set aside", "test PASSED");
    assertThat(report.merge().merged()).containsExactly("api", "page");
    assertThat(report.merge().setAside())
        .extracting(SetAside::task, SetAside::cause)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("broken", SetAsideCause.TASK_FAILED),
            org.assertj.core.groups.Tuple.tuple("after-broken", SetAsideCause.TASK_FAILED));
    assertThat(report.merge().setAside().get(0).reason()).startsWith("'broken' FAILED: ");
    assertThat(report.merge().status()).isEqualTo(MergeStatus.PARTIAL);
    assertThat(report.test().status()).isEqualTo(TestStatus.PASSED);
    assertThat(report.publish().status()).isEqualTo(PublishStatus.UPDATED);
    assertThat(git.show(repo, "agents/feature", "p.txt")).isEqualTo("p");
    assertThat(git.show(repo, "agents/feature", "half.txt")).isNull();
    assertThat(report.run().status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(report.run().reason()).startsWith("published without 'broken', 'after-broken': ");
  }

  @Test
  void withFailFast_aFailedTaskStillStopsEverything() throws Exception {
    RunReport report =
        engine.run(
            new Plans().task("api", "echo a > a.txt").task("broken", "exit 4").failFast().build(),
            repo);

    assertThat(report.merge().status()).isEqualTo(MergeStatus.SKIPPED);
    assertThat(report.merge().reason()).startsWith("failFast: task 'broken'");
    assertThat(report.run().status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void whenEveryTaskFailed_nothingIsMergedOrPublished() throws Exception {
    RunReport report =
        engine.run(new Plans().task("one", "exit 1").task("two", "exit 2").build(), repo);

    assertThat(report.merge().status()).isEqualTo(MergeStatus.SKIPPED);
    assertThat(report.publish().status()).isEqualTo(PublishStatus.SKIPPED);
    assertThat(report.run().status()).isEqualTo(RunStatus.FAILED);
    assertThat(report.run().reason()).startsWith("task 'one' FAILED");
  }

  @Test
  void theTestSetup_runsInTheCombinedTreeBeforeTheTest() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("api", "echo a > a.txt")
                .test("cp a.txt installed.txt", "test -f installed.txt")
                .build(),
            repo);

    assertThat(report.test().status()).as(report.test().reason()).isEqualTo(TestStatus.PASSED);
    assertThat(report.test().setup()).isEqualTo("cp a.txt installed.txt");
    assertThat(git.show(repo, "agents/feature", "installed.txt"))
        .as("what the setup made is not published")
        .isNull();
  }

  @Test
  void aFailedTestSetup_failsTheTest_withoutRunningIt() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("api", "echo a > a.txt")
                .test("echo cannot install >&2; exit 3", "touch ran.txt")
                .merge(
                    io.jenkins.plugins.parallelagents.plan.MergeSettings.DEFAULT.withOnTestFailure(
                        io.jenkins.plugins.parallelagents.plan.TestFailurePolicy.FAIL))
                .build(),
            repo);

    assertThat(report.test().status()).isEqualTo(TestStatus.FAILED);
    assertThat(report.test().reason()).isEqualTo("the test setup failed (exit 3)");
    assertThat(report.test().failure().lastLines()).contains("cannot install");
    assertThat(Files.readString(java.nio.file.Path.of(report.run().directory(), "test-setup.log")))
        .contains("cannot install");
    assertThat(java.nio.file.Path.of(report.run().directory(), "test.log")).doesNotExist();
    assertThat(report.publish().status()).isEqualTo(PublishStatus.SKIPPED);
  }
}
