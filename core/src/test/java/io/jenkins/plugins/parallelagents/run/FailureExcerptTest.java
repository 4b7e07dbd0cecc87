package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.AttemptReport;
import io.jenkins.plugins.parallelagents.report.FailureExcerpt;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import org.junit.jupiter.api.Test;

/** The report shows what a failed step printed, and the tests it names, wherever a step fails. */
class FailureExcerptTest extends EngineTestBase {

  private static Task verified(String id, String verify) {
    Task t = Plans.task(id, false);
    return new Task(
        t.id(),
        t.title(),
        t.foundation(),
        t.needs(),
        t.prompt(),
        t.paths(),
        t.agent(),
        t.timeout(),
        t.attempts(),
        t.setup(),
        CommandSpec.shell(verify),
        t.label());
  }

  private static AttemptReport attempt(RunReport report, String task) {
    TaskReport found =
        report.tasks().stream().filter(t -> t.id().equals(task)).findFirst().orElseThrow();
    return found.attempts().get(0);
  }

  @Test
  void failedVerify_showsItsLastLinesAndFailingTests_andAPassingTaskShowsNone() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .add(
                    verified(
                        "api",
                        "printf '=== RUN   TestDigest\\n--- FAIL: TestDigest (0.00s)\\nFAIL\\n';"
                            + " exit 1"),
                    "echo a > a.txt")
                .task("page", "echo p > p.txt")
                .build(),
            repo);

    FailureExcerpt failure = attempt(report, "api").failure();
    assertThat(failure.failingTests()).containsExactly("TestDigest");
    assertThat(failure.lastLines())
        .containsExactly("=== RUN   TestDigest", "--- FAIL: TestDigest (0.00s)", "FAIL");
    assertThat(attempt(report, "page").failure()).isNull();
  }

  @Test
  void failedAgent_showsWhatTheAgentPrinted() throws Exception {
    RunReport report =
        engine.run(
            new Plans().task("api", "echo 'model quota exceeded' >&2; exit 3").build(), repo);

    assertThat(attempt(report, "api").failure().lastLines()).contains("model quota exceeded");
  }

  @Test
  void redCombinedTest_namesTheFailingTestsThatNodeTestPrinted() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task(
                    "api",
                    "printf \"const test = require('node:test');\\n"
                        + "test('prefs', async (t) => {\\n"
                        + "  await t.test('saves', () => { throw new Error('no'); });\\n"
                        + "});\\n\" > prefs.test.js")
                .test("node --test")
                .build(),
            repo);

    assertThat(report.test().status()).isEqualTo(TestStatus.FAILED);
    assertThat(report.test().failure().failingTests()).containsExactly("prefs › saves");
  }

  @Test
  void redCombinedTest_namesTheFailingTestsOfTheJunitReportsItWrote() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("api", "echo a > a.txt")
                .test(
                    "mkdir -p target/surefire-reports && printf '<testsuite><testcase"
                        + " classname=\"com.example.PrefsTest\" name=\"saves\"><failure/>"
                        + "</testcase></testsuite>' > target/surefire-reports/TEST-Prefs.xml"
                        + " && echo 'BUILD FAILURE' && exit 1")
                .build(),
            repo);

    assertThat(report.test().failure().failingTests())
        .containsExactly("com.example.PrefsTest.saves");
    assertThat(report.test().failure().lastLines()).contains("BUILD FAILURE");
  }
}
