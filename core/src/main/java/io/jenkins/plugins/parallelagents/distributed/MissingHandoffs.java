package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.util.Map;

/**
 * What the report says of a task whose hand-off never reached the merge: skipped when a task it
 * builds on did not succeed; else how the host saw it end (an abort, a node that went away), when
 * the host recorded that; else failed for want of a result.
 */
final class MissingHandoffs {

  private final Plan plan;
  private final Map<String, TaskReport> received;
  private final Map<String, TaskEnd> endedOnHost;

  /**
   * @param received the hand-offs that did arrive, by task id
   * @param endedOnHost how the host saw tasks end, by task id; only tasks without a hand-off use it
   */
  MissingHandoffs(Plan plan, Map<String, TaskReport> received, Map<String, TaskEnd> endedOnHost) {
    this.plan = plan;
    this.received = received;
    this.endedOnHost = endedOnHost;
  }

  TaskReport of(Task task) {
    TaskReport pending =
        TaskReport.pending(task.id(), task.title(), task.foundation(), task.needs());
    for (Task foundation : plan.foundationTasks()) {
      if (foundation.id().equals(task.id())) {
        break;
      }
      TaskReport done = received.get(foundation.id());
      if (done == null || !done.status().isDone()) {
        return pending.notRun(
            TaskStatus.SKIPPED, "foundation task '" + foundation.id() + "' did not succeed");
      }
    }
    for (String need : task.needs()) {
      TaskReport dependency = received.get(need);
      if (dependency == null || !dependency.status().isDone()) {
        return pending.notRun(TaskStatus.SKIPPED, "it needs '" + need + "', which did not succeed");
      }
    }
    TaskEnd end = endedOnHost.get(task.id());
    if (end != null && !end.status().isDone()) {
      return pending.notRun(end.status(), end.reason() + " (no result was handed to the merge)");
    }
    return pending.notRun(TaskStatus.FAILED, "no result of this task was handed to the merge");
  }
}
