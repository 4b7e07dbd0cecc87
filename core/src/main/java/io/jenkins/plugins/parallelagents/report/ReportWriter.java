package io.jenkins.plugins.parallelagents.report;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a run's reports into its run directory. */
public final class ReportWriter {

  /** Writes {@code report.json} alone: cheap enough to call at every state change. */
  public void writeJson(RunReport report, Path runDirectory) throws IOException {
    throw new UnsupportedOperationException("not yet");
  }

  /** Writes {@code report.json}, {@code junit.xml}, {@code report.md} and {@code report.html}. */
  public void writeAll(RunReport report, Path runDirectory) throws IOException {
    throw new UnsupportedOperationException("not yet");
  }
}
