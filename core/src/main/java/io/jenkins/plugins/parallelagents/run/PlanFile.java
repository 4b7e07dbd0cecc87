package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writes the resolved plan (defaults applied) into the run directory, as the run saw it. */
final class PlanFile {

  private PlanFile() {}

  /** Same JSON conventions as the reports: ISO-8601 durations, indented. */
  static void write(Plan plan, Path file) {
    try {
      ReportJson.newMapper().writeValue(file.toFile(), plan);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
