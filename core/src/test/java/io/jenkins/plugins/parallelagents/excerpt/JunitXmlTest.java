package io.jenkins.plugins.parallelagents.excerpt;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.report.FailureExcerpt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failing tests read from the JUnit XML reports a test command left in its tree. */
class JunitXmlTest {

  @TempDir Path dir;
  private Path tree;
  private Path log;
  private Instant started;

  @BeforeEach
  void failedMavenRun() throws IOException {
    tree = Files.createDirectories(dir.resolve("tree"));
    log = Fixtures.copy("surefire.log", dir.resolve("test.log"));
    started = Instant.now().minusSeconds(60);
  }

  private Path report(String relative, String xml) throws IOException {
    Path file = tree.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, xml);
  }

  @Test
  void surefireReports_nameEachFailureAndErrorWithItsClass() {
    Fixtures.copy(
        "TEST-com.example.CalculatorTest.xml",
        tree.resolve("target/surefire-reports/TEST-com.example.CalculatorTest.xml"));

    FailureExcerpt excerpt = FailureExcerpts.of(log, tree, started);

    assertThat(excerpt.failingTests())
        .containsExactly("com.example.CalculatorTest.adds", "com.example.CalculatorTest.divides");
    assertThat(excerpt.lastLines()).last().asString().contains("Please refer to");
  }

  @Test
  void jestJunitAtTheTop_isFoundToo() throws IOException {
    report(
        "junit.xml",
        """
        <testsuites name="jest tests"><testsuite name="preferences" tests="2" failures="1">
          <testcase classname="preferences saves" name="preferences saves" time="0.01">
            <failure>Error: expect(received).toBe(expected)</failure>
          </testcase>
          <testcase classname="preferences loads" name="preferences loads" time="0"/>
        </testsuite></testsuites>
        """);

    assertThat(FailureExcerpts.of(log, tree, started).failingTests())
        .containsExactly("preferences saves.preferences saves");
  }

  @Test
  void reportsOlderThanTheRun_areAnotherRunsAndLeftOut() throws IOException {
    Path old =
        Fixtures.copy(
            "TEST-com.example.CalculatorTest.xml",
            tree.resolve("target/surefire-reports/TEST-com.example.CalculatorTest.xml"));
    Files.setLastModifiedTime(old, FileTime.from(started.minusSeconds(3600)));

    assertThat(FailureExcerpts.of(log, tree, started).failingTests())
        .as("the log's own summary stands")
        .containsExactly("CalculatorTest.adds", "CalculatorTest.divides");
  }

  @Test
  void anExternalEntity_isNotResolved() throws IOException {
    Path secret =
        Files.writeString(
            dir.resolve("outside.xml"),
            "<testcase classname=\"Leaked\" name=\"secret\"><failure/></testcase>");
    report(
        "target/surefire-reports/TEST-Evil.xml",
        "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE testsuite [<!ENTITY leak SYSTEM \""
            + secret.toUri()
            + "\">]>\n"
            + "<testsuite><testcase classname=\"Evil\" name=\"real\"><failure/></testcase>"
            + "&leak;</testsuite>");

    assertThat(FailureExcerpts.of(log, tree, started).failingTests()).containsExactly("Evil.real");
  }

  @Test
  void nestedEntities_doNotExpand() throws IOException {
    StringBuilder dtd = new StringBuilder("<!ENTITY a0 \"lol\">");
    for (int i = 1; i < 12; i++) {
      dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10));
      dtd.append("\">");
    }
    report(
        "target/surefire-reports/TEST-Laughs.xml",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE testsuite ["
            + dtd
            + "]>\n<testsuite><testcase classname=\"Laughs\" name=\"&a11;\"><failure/>"
            + "</testcase></testsuite>");

    assertThat(FailureExcerpts.of(log, tree, started).failingTests())
        .noneMatch(name -> name.contains("lol"));
  }

  @Test
  void aReportThatLinksOutOfTheTree_isNotFollowed() throws IOException {
    Path outside =
        Fixtures.copy("TEST-com.example.CalculatorTest.xml", dir.resolve("elsewhere/TEST-X.xml"));
    Path link = tree.resolve("target/surefire-reports/TEST-com.example.CalculatorTest.xml");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, outside);

    assertThat(FailureExcerpts.of(log, tree, started).failingTests())
        .as("the log's own summary stands")
        .containsExactly("CalculatorTest.adds", "CalculatorTest.divides");
  }
}
