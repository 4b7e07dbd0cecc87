package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.ConflictPolicy;
import io.jenkins.plugins.parallelagents.plan.MergeSettings;
import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import io.jenkins.plugins.parallelagents.plan.TestFailurePolicy;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.SetAside;
import io.jenkins.plugins.parallelagents.report.SetAsideCause;
import io.jenkins.plugins.parallelagents.report.TestRun;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A red combined test: the task that breaks it, or the pair that only breaks it together, is found
 * by testing combinations, set aside, and the rest is tested and published.
 */
class EjectTest extends EngineTestBase {

  /** Red when broken.txt exists, or when pa.txt and pb.txt both do. */
  private static final String TEST =
      "test ! -f broken.txt && ! { test -f pa.txt && test -f pb.txt; }";

  private static Plans fourTasks(String second, String fourth) {
    return new Plans()
        .task("one", "echo 1 > one.txt")
        .task("two", second)
        .task("three", "echo 3 > three.txt")
        .task("four", fourth)
        .test(TEST);
  }

  private String published(String file) {
    return git.show(repo, "agents/feature", file);
  }

  @Test
  void aTaskThatBreaksTheCombinedTest_isEjected_andTheRestIsPublishedAsPartial() throws Exception {
    List<String> phases = new CopyOnWriteArrayList<>();
    RunReport report =
        engine.run(
            fourTasks("echo oops > broken.txt", "echo 4 > four.txt").build(),
            repo,
            new RunListener() {
              @Override
              public void phaseFinished(String phase, String outcome) {
                phases.add(phase + " " + outcome);
              }
            });

    assertThat(report.merge().setAside())
        .singleElement()
        .satisfies(
            aside -> {
              assertThat(aside.task()).isEqualTo("two");
              assertThat(aside.cause()).isEqualTo(SetAsideCause.EJECTED);
              assertThat(aside.with()).isEmpty();
              assertThat(aside.reason()).isEqualTo("'two' breaks the combined test");
            });
    assertThat(report.merge().merged()).containsExactly("one", "three", "four");
    assertThat(report.merge().status()).isEqualTo(MergeStatus.PARTIAL);
    assertThat(report.test().status()).isEqualTo(TestStatus.PASSED);
    assertThat(report.test().reason()).isEqualTo("passed without 'two'");
    List<TestRun> runs = report.test().runs();
    assertThat(runs.get(0).tasks()).containsExactly("one", "two", "three", "four");
    assertThat(runs.get(0).status()).isEqualTo(TestStatus.FAILED);
    assertThat(runs.get(runs.size() - 1).tasks()).containsExactly("one", "three", "four");
    assertThat(runs.get(runs.size() - 1).status()).isEqualTo(TestStatus.PASSED);
    assertThat(runs).hasSizeLessThanOrEqualTo(7);
    assertThat(report.publish().status()).isEqualTo(PublishStatus.UPDATED);
    assertThat(report.publish().commit()).isEqualTo(report.merge().commit());
    assertThat(published("four.txt")).isEqualTo("4");
    assertThat(published("broken.txt")).isNull();
    assertThat(git.show(repo, report.task("two").orElseThrow().branch(), "broken.txt"))
        .as("the ejected task keeps its work on its branch")
        .isEqualTo("oops");
    assertThat(report.run().status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(report.run().reason()).startsWith("published without 'two': ");
    assertThat(phases).contains("merge MERGED", "test PASSED without 'two'");
  }

  @Test
  void twoTasksThatOnlyFailTogether_areNamedAsAPair_andTheLaterOneIsEjected() throws Exception {
    RunReport report = engine.run(fourTasks("echo a > pa.txt", "echo b > pb.txt").build(), repo);

    SetAside ejected = report.merge().setAside().get(0);
    assertThat(report.merge().setAside()).hasSize(1);
    assertThat(ejected.task()).isEqualTo("four");
    assertThat(ejected.with()).containsExactly("two");
    assertThat(ejected.reason()).contains("'four' and 'two' break the combined test together");
    assertThat(report.test().runs())
        .filteredOn(run -> run.tasks().equals(List.of("four")))
        .singleElement()
        .extracting(TestRun::status)
        .as("the later task alone was tested, and passed")
        .isEqualTo(TestStatus.PASSED);
    assertThat(published("pa.txt")).isEqualTo("a");
    assertThat(published("pb.txt")).isNull();
    assertThat(report.run().status()).isEqualTo(RunStatus.PARTIAL);
  }

  @Test
  void withOnTestFailureFail_aRedTestPublishesNothing_andTestsOnce() throws Exception {
    RunReport report =
        engine.run(
            fourTasks("echo oops > broken.txt", "echo 4 > four.txt")
                .merge(MergeSettings.DEFAULT.withOnTestFailure(TestFailurePolicy.FAIL))
                .build(),
            repo);

    assertThat(report.test().status()).isEqualTo(TestStatus.FAILED);
    assertThat(report.test().runs()).hasSize(1);
    assertThat(report.merge().setAside()).isEmpty();
    assertThat(report.publish().status()).isEqualTo(PublishStatus.SKIPPED);
    assertThat(git.git(repo, "branch", "--list", "agents/feature")).isEmpty();
    assertThat(report.run().status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void theSearchStopsAtThePlansBudget_andPublishesNothing() throws Exception {
    RunReport report =
        engine.run(
            fourTasks("echo oops > broken.txt", "echo 4 > four.txt")
                .merge(
                    new MergeSettings(
                        MergeStrategy.MERGE,
                        ConflictPolicy.FAIL,
                        null,
                        TestFailurePolicy.EJECT,
                        2,
                        List.of()))
                .build(),
            repo);

    assertThat(report.test().runs()).hasSize(2);
    assertThat(report.test().status()).isEqualTo(TestStatus.FAILED);
    assertThat(report.test().reason())
        .contains("the search for what broke the combined test stopped after 2 test runs");
    assertThat(report.publish().status()).isEqualTo(PublishStatus.SKIPPED);
    assertThat(report.run().status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void aTestThatFailsWithNoTaskAtAll_blamesNoTask() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("one", "echo 1 > one.txt")
                .task("two", "echo 2 > two.txt")
                .test("test -f never-there.txt")
                .build(),
            repo);

    assertThat(report.merge().setAside()).isEmpty();
    assertThat(report.test().status()).isEqualTo(TestStatus.FAILED);
    assertThat(report.test().reason()).contains("fails on the integration start alone");
    assertThat(report.test().runs()).extracting(TestRun::tasks).contains(List.of());
    assertThat(report.publish().status()).isEqualTo(PublishStatus.SKIPPED);
  }

  @Test
  void squashedTasks_areSearchedAndEjectedToo() throws Exception {
    RunReport report =
        engine.run(
            fourTasks("echo oops > broken.txt", "echo 4 > four.txt")
                .merge(new MergeSettings(MergeStrategy.SQUASH, ConflictPolicy.FAIL, null))
                .build(),
            repo);

    assertThat(report.merge().setAside()).extracting(SetAside::task).containsExactly("two");
    assertThat(report.test().status()).isEqualTo(TestStatus.PASSED);
    assertThat(git.git(repo, "log", "--format=%s", "main..agents/feature"))
        .contains("Task four (agents: four)")
        .doesNotContain("Task two");
  }
}
