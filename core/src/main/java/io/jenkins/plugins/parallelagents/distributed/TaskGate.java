package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When a task of a distributed run may start: after every foundation task and every task it needs
 * has ended, and while fewer than the plan's {@code maxParallel} tasks run. A host that runs tasks
 * as they become ready (Jenkins' parallel branches) asks again each time a task ends, instead of
 * polling.
 */
public final class TaskGate {

  /** What a task waiting to start does next. */
  public sealed interface Decision {}

  /** Not yet: {@code why} says what it waits for, for a host's status line. */
  public record Wait(String why) implements Decision {}

  /** Never: a task it builds on did not succeed, or the plan fails fast. */
  public record Skip(String reason) implements Decision {}

  /** Now: it takes one of the run's {@code maxParallel} slots. */
  public record Start() implements Decision {}

  private final Plan plan;

  public TaskGate(Plan plan) {
    this.plan = plan;
  }

  /**
   * @param taskId the task that waits (not a foundation task: those run one after another)
   * @param ended how each task that has ended, ended
   * @param running how many tasks (foundation ones included) hold a slot now
   * @throws IllegalArgumentException when the plan has no such task
   */
  public Decision decide(String taskId, Map<String, TaskStatus> ended, int running) {
    Task task =
        plan.task(taskId)
            .orElseThrow(
                () -> new IllegalArgumentException("the plan has no task '" + taskId + "'"));
    List<String> waitingFor = new ArrayList<>();
    for (Task foundation : plan.foundationTasks()) {
      if (foundation.id().equals(taskId)) {
        break;
      }
      waitingFor.add(foundation.id());
    }
    waitingFor.addAll(task.needs());
    List<String> unfinished = waitingFor.stream().filter(id -> !ended.containsKey(id)).toList();
    if (!unfinished.isEmpty()) {
      return new Wait("waiting for " + String.join(", ", unfinished) + " to end");
    }
    for (String id : waitingFor) {
      if (!ended.get(id).isDone()) {
        return new Skip(
            plan.task(id).map(Task::foundation).orElse(false)
                ? "foundation task '" + id + "' did not succeed"
                : "it needs '" + id + "', which did not succeed");
      }
    }
    if (plan.failFast()) {
      for (Map.Entry<String, TaskStatus> end : ended.entrySet()) {
        if (end.getValue() != TaskStatus.SKIPPED && !end.getValue().isDone()) {
          return new Skip("task '" + end.getKey() + "' did not succeed and the plan sets failFast");
        }
      }
    }
    if (running >= plan.maxParallel()) {
      return new Wait(
          "waiting for a free slot: the plan's maxParallel is "
              + plan.maxParallel()
              + " and "
              + running
              + " tasks run");
    }
    return new Start();
  }
}
