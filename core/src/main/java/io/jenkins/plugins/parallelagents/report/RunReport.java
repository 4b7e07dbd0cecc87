package io.jenkins.plugins.parallelagents.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** Everything {@code report.json} holds ({@value #SCHEMA}); every other report is made from it. */
@JsonPropertyOrder({
  "schema",
  "run",
  "tasks",
  "predictedConflicts",
  "merge",
  "test",
  "publish",
  "timing"
})
public record RunReport(
    String schema,
    RunInfo run,
    List<TaskReport> tasks,
    List<PredictedConflict> predictedConflicts,
    MergeReport merge,
    TestReport test,
    PublishReport publish,
    Timing timing) {

  public static final String SCHEMA = "parallel-agents/report@1";

  public RunReport {
    tasks = List.copyOf(tasks);
    predictedConflicts = List.copyOf(predictedConflicts);
  }

  public java.util.Optional<TaskReport> task(String id) {
    return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
