package io.jenkins.plugins.parallelagents.jenkins.action;

import io.jenkins.plugins.parallelagents.report.RunReport;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** The merge, test or publish phase of a run, in the page and in {@code api/json}. */
@ExportedBean(defaultVisibility = 2)
public final class PhaseRow {

  private final String name;
  private final String status;
  private final String detail;
  private final String reason;

  PhaseRow(String name, String status, String detail, String reason) {
    this.name = name;
    this.status = status;
    this.detail = detail;
    this.reason = reason;
  }

  static List<PhaseRow> of(RunReport report) {
    return List.of(
        new PhaseRow(
            "merge",
            report.merge().status().name(),
            report.merge().strategy().name().toLowerCase(java.util.Locale.ROOT)
                + (report.merge().commit() == null ? "" : " at " + report.merge().commit()),
            report.merge().reason()),
        new PhaseRow(
            "test", report.test().status().name(), report.test().command(), report.test().reason()),
        new PhaseRow(
            "publish",
            report.publish().status().name(),
            (report.publish().remote() == null ? "" : report.publish().remote() + " ")
                + report.publish().branch(),
            report.publish().reason()));
  }

  @Exported
  public String getName() {
    return name;
  }

  @Exported
  public String getStatus() {
    return status;
  }

  @Exported
  public String getDetail() {
    return detail;
  }

  @Exported
  public String getReason() {
    return reason;
  }
}
