package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;
import java.util.List;

/**
 * A run across machines gives each task one attempt: best-of-N (a task's {@code attempts}) needs
 * every attempt's tree on one machine to choose between them. A plan asking for more is refused
 * before any task runs, rather than quietly getting one.
 */
public final class SingleAttempts {

  private SingleAttempts() {}

  /** One line per task that asks for more than one attempt; empty when none does. */
  public static List<String> problems(Plan plan) {
    return plan.tasks().stream()
        .filter(task -> task.attempts() > 1)
        .map(SingleAttempts::problem)
        .toList();
  }

  private static String problem(Task task) {
    return "task '"
        + task.id()
        + "' sets attempts: "
        + task.attempts()
        + ", but a run across nodes gives each task one attempt (best-of-N runs only with the"
        + " command line's run); set attempts: 1 or remove it";
  }
}
