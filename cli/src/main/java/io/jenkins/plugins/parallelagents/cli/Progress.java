package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.run.RunListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a run shows its progress; closing it stops any redrawing before the summary is printed. */
interface Progress extends RunListener, AutoCloseable {

  @Override
  void close();

  /** A live table on an interactive terminal, else one line per event (logs, CI, pipes). */
  static Progress create(
      PrintWriter out, Terminal terminal, boolean verbose, Plan plan, Clock clock) {
    if (terminal.interactive()) {
      return LiveTableListener.start(out, clock, terminal.width(), verbose, plan.tasks());
    }
    return new EventLineListener(out, clock, verbose, plannedAttempts(plan));
  }

  /** Attempts per task id, in plan order. */
  static Map<String, Integer> plannedAttempts(Plan plan) {
    Map<String, Integer> attempts = new LinkedHashMap<>();
    for (Task task : plan.tasks()) {
      attempts.put(task.id(), task.attempts());
    }
    return attempts;
  }
}
