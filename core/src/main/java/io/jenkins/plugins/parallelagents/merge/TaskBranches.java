package io.jenkins.plugins.parallelagents.merge;

import io.jenkins.plugins.parallelagents.report.TaskReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Which finished tasks have a branch to merge, and what in each branch is not their own work. */
public final class TaskBranches {

  private TaskBranches() {}

  /**
   * Branches of the tasks that succeeded, in {@code order} (topological, plan order among equals);
   * foundation tasks are already in {@code integrationStart}.
   */
  public static List<TaskBranch> inMergeOrder(
      List<String> order, Function<String, TaskReport> reports, String integrationStart) {
    return order.stream()
        .map(reports)
        .filter(t -> !t.foundation() && t.status().isDone() && t.commit() != null)
        .map(
            t ->
                new TaskBranch(
                    t.id(),
                    t.title(),
                    t.branch(),
                    t.commit(),
                    upstream(t, reports, integrationStart),
                    t.changedFiles(),
                    t.needs()))
        .toList();
  }

  private static List<String> upstream(
      TaskReport task, Function<String, TaskReport> reports, String integrationStart) {
    List<String> upstream = new ArrayList<>(List.of(integrationStart));
    for (String need : task.needs()) {
      String commit = reports.apply(need).commit();
      if (commit != null) {
        upstream.add(commit);
      }
    }
    return upstream;
  }
}
