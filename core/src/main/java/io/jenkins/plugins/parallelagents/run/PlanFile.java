package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.secrets.PrivateFiles;
import io.jenkins.plugins.parallelagents.secrets.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writes the resolved plan (defaults applied) into the run directory, as the run saw it. */
final class PlanFile {

  private PlanFile() {}

  /**
   * Same JSON conventions as the reports: ISO-8601 durations, indented. Owner-only and masked: a
   * publish remote may carry credentials.
   */
  static void write(Plan plan, Path file, Redactor redactor) {
    try {
      PrivateFiles.write(
          file, redactor.redact(ReportJson.newMapper().writeValueAsString(plan)) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
