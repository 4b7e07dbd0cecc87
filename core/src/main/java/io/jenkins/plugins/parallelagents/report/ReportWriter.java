package io.jenkins.plugins.parallelagents.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Writes a run's reports into its run directory. Each file is replaced atomically, so a host
 * showing a report while the run goes on never reads half of one. Calls for the same directory
 * should come from one thread at a time, or an older state may land after a newer one.
 */
public final class ReportWriter {

  private final ReportJson json = new ReportJson();
  private final UnaryOperator<String> redaction;
  private final ReportRedaction values;

  /** A writer that writes reports as they are. */
  public ReportWriter() {
    this(UnaryOperator.identity());
  }

  /**
   * A writer that applies {@code redaction} to every report it writes, in every format: the one
   * place report text goes to disk, so that no format can let a secret through.
   */
  public ReportWriter(UnaryOperator<String> redaction) {
    this.redaction = redaction;
    this.values = new ReportRedaction(redaction);
  }

  /** Writes {@code report.json} alone: cheap enough to call at every state change. */
  public void writeJson(RunReport report, Path runDirectory) throws IOException {
    Files.createDirectories(runDirectory);
    write(new RunDirectory(runDirectory).reportJson(), json.toJson(report));
  }

  /** Writes {@code report.json}, {@code junit.xml}, {@code report.md} and {@code report.html}. */
  public void writeAll(RunReport report, Path runDirectory) throws IOException {
    writeJson(report, runDirectory);
    // Masked before rendering: Markdown and HTML escaping could otherwise split a secret.
    report = values.apply(report, RunReport.class);
    write(runDirectory.resolve(RunDirectory.JUNIT_XML), new JunitXmlReport().render(report));
    write(runDirectory.resolve(RunDirectory.REPORT_MD), new MarkdownReport().render(report));
    // Link only what is on disk: a task without a setup step, or one that was skipped, has no log.
    HtmlReport html =
        new HtmlReport(relative -> Files.isRegularFile(runDirectory.resolve(relative)));
    write(runDirectory.resolve(RunDirectory.REPORT_HTML), html.render(report));
  }

  /**
   * Writes {@code junit-merge.xml}: {@code junit.xml} without the cases of the tasks a host
   * recorded where they ran (a distributed run's {@code tasks/<id>/junit.xml}).
   */
  public void writeMergeJunit(RunReport report, Path runDirectory, Set<String> recordedElsewhere)
      throws IOException {
    report = values.apply(report, RunReport.class);
    write(
        runDirectory.resolve(RunDirectory.JUNIT_MERGE_XML),
        new JunitXmlReport().render(report, recordedElsewhere));
  }

  private void write(Path file, String content) throws IOException {
    AtomicFiles.write(file, redaction.apply(content).getBytes(StandardCharsets.UTF_8));
  }
}
