package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.report.BaseRef;
import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.ReportWriter;
import io.jenkins.plugins.parallelagents.report.RunInfo;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.Timing;
import io.jenkins.plugins.parallelagents.run.CriticalPath;
import io.jenkins.plugins.parallelagents.run.RunOutcome;
import io.jenkins.plugins.parallelagents.secrets.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Assembles a distributed run's report from its parts and writes every format. */
final class RunReports {

  private final NodeRun run;
  private final Redactor redactor;

  RunReports(NodeRun run, Redactor redactor) {
    this.run = run;
    this.redactor = redactor;
  }

  RunReport write(
      Map<String, TaskReport> tasks,
      List<PredictedConflict> predicted,
      NodeMerge.Integration integration,
      Map<String, Long> phasesMs) {
    List<TaskReport> all = new ArrayList<>(tasks.values());
    RunReport report =
        new RunReport(
            RunReport.SCHEMA,
            info(all, integration),
            all,
            predicted,
            integration.merge(),
            integration.test(),
            integration.publish(),
            timing(all, phasesMs));
    write(report);
    return report;
  }

  /** The run's status: still going while publishing is pending, else decided by its outcome. */
  private RunInfo info(List<TaskReport> tasks, NodeMerge.Integration integration) {
    boolean pending = integration.publish().status() == PublishStatus.PENDING;
    RunOutcome.Verdict verdict =
        pending
            ? new RunOutcome.Verdict(RunStatus.RUNNING, null)
            : integration.withheld()
                ? RunOutcome.withheld(
                    tasks, integration.merge(), integration.test(), integration.publish())
                : RunOutcome.of(
                    tasks, integration.merge(), integration.test(), integration.publish());
    RunStatus status = verdict.status();
    String reason = verdict.reason();
    RunStart start = run.start();
    return new RunInfo(
        start.runId(),
        run.plan().name(),
        status,
        reason,
        new BaseRef(start.baseRef(), start.baseCommit()),
        start.target(),
        Instant.ofEpochMilli(start.startedAtMs()),
        pending ? null : Instant.now(),
        run.directory().root().toString());
  }

  private Timing timing(List<TaskReport> tasks, Map<String, Long> phasesMs) {
    long makespan = System.currentTimeMillis() - run.start().startedAtMs();
    return new Timing(makespan, CriticalPath.of(run.plan(), tasks), phasesMs);
  }

  void write(RunReport report) {
    try {
      ReportWriter writer = new ReportWriter(redactor::redact);
      writer.writeAll(report, run.directory().root());
      writer.writeMergeJunit(report, run.directory().root(), handedOff(report));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the reports in " + run.directory().root(), e);
    }
  }

  /** The tasks whose hand-off is here: each wrote its own junit.xml where it ran. */
  private Set<String> handedOff(RunReport report) {
    Set<String> ids = new HashSet<>();
    for (TaskReport task : report.tasks()) {
      if (run.handoff().has(task.id())) {
        ids.add(task.id());
      }
    }
    return ids;
  }
}
