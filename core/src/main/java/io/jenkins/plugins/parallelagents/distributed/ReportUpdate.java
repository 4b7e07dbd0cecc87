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
   * What to publish, or why nothing may be: only a combined and tested result whose publish is
   * pending goes out (a combination of some of the tasks, the others set aside, included).
   */
  public PublishRequest request() {
    RunReport report = current();
    PublishReport publish = report.publish();
    if (publish.status() != PublishStatus.PENDING) {
      return PublishRequest.refused(
          "nothing to publish: "
              + (publish.reason() != null ? publish.reason() : "publish is " + publish.status()));
    }
    if (!report.merge().status().hasCombination()) {
      return PublishRequest.refused("nothing to publish: the merge did not complete");
    }
    return new PublishRequest(
        publish.remote(),
        publish.branch(),
        publish.commit(),
        run.plan().publish().force() || run.start().replacesTarget(),
        null);
  }

  /** Records how publishing went, decides the run's status and rewrites every report. */
  public RunReport published(PublishReport publish, long durationMs) {
    RunReport report = current();
    Map<String, Long> phases = new LinkedHashMap<>(report.timing().phasesMs());
    phases.merge("publish", durationMs, Long::sum);
    NodeMerge.Integration integration =
        new NodeMerge.Integration(report.merge(), report.test(), publish);
    Map<String, io.jenkins.plugins.parallelagents.report.TaskReport> tasks = new LinkedHashMap<>();
    report.tasks().forEach(t -> tasks.put(t.id(), t));
    // The host's environment is not this node's: credentials in URLs and known token formats are
    // still masked, and the values the plan names.
    Redactor redactor = Redactor.of(Map.of(), run.plan().guard().redact());
    return new RunReports(run, redactor)
        .write(tasks, report.predictedConflicts(), integration, phases);
  }
}
