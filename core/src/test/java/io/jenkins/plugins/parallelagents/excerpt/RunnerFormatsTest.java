package io.jenkins.plugins.parallelagents.excerpt;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.report.FailureExcerpt;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failing tests named from the console output of the common runners, as captured from them. */
class RunnerFormatsTest {

  @TempDir Path dir;

  private FailureExcerpt excerpt(String fixture) {
    return FailureExcerpts.of(Fixtures.copy(fixture, dir.resolve(fixture)));
  }

  @Test
  void surefireSummary_namesFailuresAndErrors_notTheFlakyTestThatPassedOnRerun() {
    FailureExcerpt excerpt = excerpt("surefire.log");

    assertThat(excerpt.failingTests())
        .containsExactly("CalculatorTest.adds", "CalculatorTest.divides");
    assertThat(excerpt.lastLines())
        .hasSize(FailureExcerpts.LAST_LINES)
        .last()
        .asString()
        .contains("Please refer to");
  }

  @Test
  void surefireThatDiedBeforeItsSummary_namesTheFailedMethodsItPrinted() {
    assertThat(excerpt("surefire-junit4-died.log").failingTests())
        .containsExactly("com.example.LegacyTest.parsesDates");
  }

  @Test
  void pytestSummary_namesFailedAndErroredTests() {
    assertThat(excerpt("pytest.log").failingTests())
        .containsExactly(
            "tests/test_prefs.py::test_default_is_weekly",
            "tests/test_api.py::TestDigest::test_sends_digest[email-daily]",
            "tests/test_api.py::test_saves_prefs");
  }

  @Test
  void goTest_namesFailedSubtests_andTheParentOnlyWhenNoSubtestFailed() {
    assertThat(excerpt("go-test.log").failingTests())
        .containsExactly("TestDigest/daily", "TestSave");
  }

  @Test
  void jest_namesEachFailureWithItsSuites_notTheConsoleBlock() {
    assertThat(excerpt("jest.log").failingTests())
        .containsExactly(
            "preferences › saves the digest frequency",
            "preferences › digest › sends weekly",
            "top-level check");
  }
}
