package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.graph.TaskGraph;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code run --dry-run} prints: the order the plan would run in, the branch of each task and
 * where the result would go, without touching the repository.
 */
final class Schedule {

  /** Run ids are made when a run starts, so a dry run can only name the place of one. */
  static final String RUN_ID = "<run-id>";

  private final Plan plan;
  private final Integer jobs;

  /**
   * @param jobs tasks at once as asked on the command line, or {@code null} for the plan's
   */
  Schedule(Plan plan, Integer jobs) {
    this.plan = plan;
    this.jobs = jobs;
  }

  void print(PrintWriter out) {
    out.println("Plan '" + plan.name() + "' (" + plan.source() + "), dry run: nothing is started.");
    out.println("Base:   " + (plan.base() == null ? "the current branch" : plan.base()));
    out.println("Target: " + plan.target() + publishedWhere());
    List<Task> foundation = plan.foundationTasks();
    if (!foundation.isEmpty()) {
      out.println("Foundation, one after another:");
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < foundation.size(); i++) {
        rows.add(row((i + 1) + ". " + foundation.get(i).id(), foundation.get(i)));
      }
      Words.columns(rows).forEach(line -> out.println("  " + line));
    }
    List<Task> fanOut = fanOutInOrder();
    if (!fanOut.isEmpty()) {
      int atOnce = jobs != null ? jobs : plan.maxParallel();
      out.println("Then up to " + atOnce + " at once, each as soon as its needs are done:");
      List<List<String>> rows = new ArrayList<>();
      for (Task task : fanOut) {
        rows.add(row(task.id(), task));
      }
      Words.columns(rows).forEach(line -> out.println("  " + line));
    }
    out.println(
        "Then:   merge ("
            + plan.merge().strategy().name().toLowerCase()
            + ", on conflict "
            + plan.merge().onConflict().name().toLowerCase()
            + "), "
            + (plan.test() == null
                ? "no test command"
                : "test `" + plan.test().command().display() + "`")
            + ", publish "
            + plan.target());
    out.println("The run id in the branch names is chosen when the run starts.");
    out.flush();
  }

  private static List<String> row(String label, Task task) {
    String needs = task.needs().isEmpty() ? "" : "needs " + String.join(", ", task.needs());
    String agent =
        "agent " + task.agent() + (task.attempts() > 1 ? ", best of " + task.attempts() : "");
    return List.of(label, "agents/" + RUN_ID + "/" + task.id(), agent, needs);
  }

  /** Dependencies before dependants, which is the order they can start in. */
  private List<Task> fanOutInOrder() {
    return TaskGraph.of(plan.tasks()).topologicalOrder().stream()
        .map(id -> plan.task(id).orElseThrow())
        .filter(task -> !task.foundation())
        .toList();
  }

  private String publishedWhere() {
    String remote = plan.publish().remote();
    return remote == null
        ? " (local branch only)"
        : ", pushed to " + remote + (plan.publish().force() ? " (force)" : "");
  }
}
