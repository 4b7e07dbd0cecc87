package io.jenkins.plugins.parallelagents.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  @TempDir Path dir;

  @Test
  void writeJson_writesOnlyTheJsonReport() throws IOException {
    new ReportWriter().writeJson(SampleRun.report(), dir);

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.json");
    }
  }

  @Test
  void writeAll_createsTheRunDirectoryAndAllFourReports() throws IOException {
    Path runDir = dir.resolve("runs").resolve("r1");

    new ReportWriter().writeAll(SampleRun.report(), runDir);

    try (Stream<Path> files = Files.list(runDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("report.json", "junit.xml", "report.md", "report.html");
    }
    assertThat(new ReportJson().read(runDir.resolve("report.json"))).isEqualTo(SampleRun.report());
    assertThat(Files.readString(runDir.resolve("report.html"))).contains("notification-prefs");
  }

  @Test
  void writeAll_forARunStillGoingOn_showsPendingPhasesInEveryFormat() throws IOException {
    RunReport running =
        new RunReport(
            RunReport.SCHEMA,
            new RunInfo(
                "r2", "early", RunStatus.RUNNING, null, null, "agents/early", null, null, null),
            List.of(
                TaskReport.pending("schema", "Schema", true, List.of()),
                TaskReport.pending("api", "API", false, List.of("schema"))),
            List.of(),
            null,
            null,
            null,
            null);

    new ReportWriter().writeAll(running, dir);

    assertThat(Files.readString(dir.resolve("junit.xml")))
        .contains("tests=\"4\"", "skipped=\"4\"", "not finished (PENDING)");
    assertThat(Files.readString(dir.resolve("report.md")))
        .contains("# parallel-agents: early — RUNNING", "## Merge\n\nNot run.");
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("RUNNING", "<g class=\"node\" data-task=\"api\">", "Not measured yet.");
  }

  @Test
  void writeAll_again_replacesEveryReportWithTheNewState() throws IOException {
    RunReport first = SampleRun.report();
    RunInfo run = first.run();
    RunReport renamed =
        new RunReport(
            first.schema(),
            new RunInfo(
                run.id(),
                "renamed-run",
                run.status(),
                run.reason(),
                run.base(),
                run.target(),
                run.startedAt(),
                run.finishedAt(),
                run.directory()),
            first.tasks(),
            first.predictedConflicts(),
            first.merge(),
            first.test(),
            first.publish(),
            first.timing());

    new ReportWriter().writeAll(first, dir);
    new ReportWriter().writeAll(renamed, dir);

    assertThat(Files.readString(dir.resolve("junit.xml"))).contains("parallel-agents: renamed-run");
    assertThat(Files.readString(dir.resolve("report.md"))).contains("renamed-run");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).hasSize(4);
    }
  }
}
