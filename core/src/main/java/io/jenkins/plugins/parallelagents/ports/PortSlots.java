package io.jenkins.plugins.parallelagents.ports;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;

/**
 * Which slot a task attempt prefers, so that its ports can be guessed: attempts are counted in plan
 * order from 1 (slot 0 is the combined test), each task taking as many slots as it has attempts.
 * With {@code PORT: 3000}, the first task gets 3001, the second 3002, and so on.
 */
public final class PortSlots {

  private PortSlots() {}

  /** The slot of attempt {@code attempt} (from 1) of {@code task}. */
  public static int of(Plan plan, String taskId, int attempt) {
    int slot = 1;
    for (Task task : plan.tasks()) {
      if (task.id().equals(taskId)) {
        return slot + attempt - 1;
      }
      slot += task.attempts();
    }
    throw new IllegalArgumentException("no task '" + taskId + "' in the plan");
  }

  /** How many slots the plan's steps take: the combined test's, then every task's attempts. */
  public static int count(Plan plan) {
    return 1 + plan.tasks().stream().mapToInt(Task::attempts).sum();
  }
}
