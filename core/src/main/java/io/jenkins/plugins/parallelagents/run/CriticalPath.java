package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.graph.TaskGraph;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The shortest time any schedule could take with the measured task durations. */
public final class CriticalPath {

  private CriticalPath() {}

  /**
   * The foundation runs in series before everything, so its durations add up; after it, the longest
   * chain of needs through the fan-out tasks.
   */
  public static long of(Plan plan, List<TaskReport> tasks) {
    long foundation = 0;
    Map<String, Long> fanOut = new HashMap<>();
    for (TaskReport task : tasks) {
      if (task.foundation()) {
        foundation += task.durationMs();
      } else {
        fanOut.put(task.id(), task.durationMs());
      }
    }
    return foundation + TaskGraph.of(plan.tasks()).criticalPathMs(fanOut);
  }
}
