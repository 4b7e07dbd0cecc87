package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.secrets.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads what the merge node wrote and records the publish step's outcome, which ends the run. */
public final class ReportUpdate {

  private final NodeRun run;

  public ReportUpdate(NodeRun run) {
    this.run = run;
  }

  /** The run's report as the merge node left it. */
  public RunReport current() {
    try {
      return new ReportJson().read(run.directory().reportJson());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no report of run '"
              + run.runId()
              + "' at "
              + run.directory().reportJson()
              + ": merge the branches (mergeAgentBranches) on this node first",
          e);
    }
  }

  /**
   * What to publish, from the report in the workspace: for a host that runs on the merge node
   * itself (the CLI's {@code finish}). A host on another machine uses {@link PublishRequest#of}
   * with the report the merge returned to it.
   */
  public PublishRequest request() {
    return PublishRequest.of(current(), run.plan(), run.start());
  }

  /** Records how publishing went, decides the run's status and rewrites every report. */
  public RunReport published(PublishReport publish, long durationMs) {
    return published(current(), publish, durationMs);
  }

  /**
   * The same, from the report the merge returned to the host rather than the workspace's {@code
   * report.json}, which anything that ran in the workspace since could have rewritten.
   *
   * @param merged the report as the merge returned it
   */
  public RunReport published(RunReport merged, PublishReport publish, long durationMs) {
    return write(merged, publish, durationMs, false);
  }

  /**
   * Records that the host chose not to publish (a pull request build that may not push): the
   * publish is {@code SKIPPED} with {@code why}, and the run succeeds when every task was combined
   * and tested, as one that was not asked to publish does.
   *
   * @param merged the report as the merge returned it
   */
  public RunReport withheld(RunReport merged, String why) {
    PublishReport pending = merged.publish();
    PublishReport skipped =
        new PublishReport(
            pending.remote(), pending.branch(), pending.commit(), PublishStatus.SKIPPED, why);
    return write(merged, skipped, 0, true);
  }

  private RunReport write(
      RunReport report, PublishReport publish, long durationMs, boolean withheld) {
    Map<String, Long> phases = new LinkedHashMap<>(report.timing().phasesMs());
    phases.merge("publish", durationMs, Long::sum);
    NodeMerge.Integration integration =
        new NodeMerge.Integration(report.merge(), report.test(), publish, withheld);
    Map<String, io.jenkins.plugins.parallelagents.report.TaskReport> tasks = new LinkedHashMap<>();
    report.tasks().forEach(t -> tasks.put(t.id(), t));
    // The host's environment is not this node's: credentials in URLs and known token formats are
    // still masked, and the values the plan names.
    Redactor redactor = Redactor.of(Map.of(), run.plan().guard().redact());
    return new RunReports(run, redactor)
        .write(tasks, report.predictedConflicts(), integration, phases);
  }
}
