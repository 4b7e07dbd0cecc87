package io.jenkins.plugins.parallelagents.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.parallelagents.usage.Spend;
import java.util.List;

/**
 * Everything {@code report.json} holds ({@value #SCHEMA}); every other report is made from it.
 *
 * @param budget the plan's budget and whether it was spent, or {@code null} when the plan has none
 */
@JsonPropertyOrder({
  "schema",
  "run",
  "tasks",
  "predictedConflicts",
  "merge",
  "test",
  "publish",
  "timing",
  "usage",
  "budget"
})
public record RunReport(
    String schema,
    RunInfo run,
    List<TaskReport> tasks,
    List<PredictedConflict> predictedConflicts,
    MergeReport merge,
    TestReport test,
    PublishReport publish,
    Timing timing,
    BudgetReport budget) {

  public static final String SCHEMA = "parallel-agents/report@1";

  public RunReport {
    tasks = List.copyOf(tasks);
    predictedConflicts = List.copyOf(predictedConflicts);
  }

  /** A report of a run without a budget. */
  public RunReport(
      String schema,
      RunInfo run,
      List<TaskReport> tasks,
      List<PredictedConflict> predictedConflicts,
      MergeReport merge,
      TestReport test,
      PublishReport publish,
      Timing timing) {
    this(schema, run, tasks, predictedConflicts, merge, test, publish, timing, null);
  }

  /** The tokens and cost of every task's attempts, added up. */
  @JsonProperty(value = "usage", access = JsonProperty.Access.READ_ONLY)
  public Spend usage() {
    return Spend.sum(tasks.stream().map(TaskReport::usage).toList());
  }

  public java.util.Optional<TaskReport> task(String id) {
    return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
