package io.jenkins.plugins.parallelagents.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports are replaced in one rename: never a half file, never a temporary file left behind. */
class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void aShorterReport_replacesALongerOneWhole_andLeavesNoTemporaryFile() throws IOException {
    Path report = dir.resolve(RunDirectory.REPORT_JSON);
    Files.writeString(report, "{\"old\":\"" + "x".repeat(100_000) + "\"}");

    AtomicFiles.write(report, "{\"new\":1}".getBytes(StandardCharsets.UTF_8));

    assertThat(report).hasContent("{\"new\":1}");
    assertThat(names()).containsExactly(RunDirectory.REPORT_JSON);
  }

  @Test
  void everyReportTheWriterReplaces_isComplete_andNoTemporaryFileIsLeft() throws IOException {
    ReportWriter writer = new ReportWriter();
    writer.writeAll(SampleRun.report(), dir);

    writer.writeAll(SampleRun.report(), dir);

    assertThat(new ReportJson().read(dir.resolve(RunDirectory.REPORT_JSON)))
        .isEqualTo(SampleRun.report());
    assertThat(Files.readString(dir.resolve(RunDirectory.REPORT_HTML)).strip()).endsWith("</html>");
    assertThat(Files.readString(dir.resolve(RunDirectory.JUNIT_XML)).strip())
        .endsWith("</testsuite>");
    assertThat(names())
        .containsExactlyInAnyOrder(
            RunDirectory.REPORT_JSON,
            RunDirectory.REPORT_HTML,
            RunDirectory.REPORT_MD,
            RunDirectory.JUNIT_XML);
  }

  @Test
  void aReportThatCannotBeRenamedInPlace_leavesNoTemporaryFile() throws IOException {
    // A folder where the report should go: the rename fails after the temporary file is written.
    Path blocked = Files.createDirectories(dir.resolve(RunDirectory.REPORT_JSON));
    Files.writeString(blocked.resolve("inside.txt"), "kept");

    assertThatThrownBy(() -> AtomicFiles.write(blocked, new byte[] {'{', '}'}))
        .isInstanceOf(IOException.class);

    assertThat(names()).containsExactly(RunDirectory.REPORT_JSON);
    assertThat(blocked.resolve("inside.txt")).hasContent("kept");
  }

  private java.util.List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
