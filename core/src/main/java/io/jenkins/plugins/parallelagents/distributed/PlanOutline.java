package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.graph.TaskGraph;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a run that a pipeline script lays its stages out from: the tasks in the order their
 * stages start, with what each needs and where it runs. Rendered as plain maps and lists so that a
 * sandboxed script can read it without any class of ours being allowed.
 */
public final class PlanOutline {

  private PlanOutline() {}

  /**
   * {@code name}, {@code planFile}, {@code runId}, {@code base}, {@code baseCommit}, {@code
   * target}, {@code handoff} and {@code reports} (the run's folders, relative to the workspace),
   * {@code startedAtMs}, {@code hasTest}, {@code failFast}, {@code foundation} (ids, in the order
   * they run), {@code fanOut} (ids, topological), {@code waves} (see {@link #waves}) and {@code
   * tasks}: per id its {@code id}, {@code title}, {@code foundation}, {@code needs}, {@code label}
   * (or null) and {@code agent} (or null).
   */
  public static Map<String, Object> of(Plan plan, String planFile, RunStart start) {
    Map<String, Object> outline = new LinkedHashMap<>();
    outline.put("name", plan.name());
    outline.put("planFile", planFile);
    outline.put("runId", start.runId());
    outline.put("base", start.baseRef());
    outline.put("baseCommit", start.baseCommit());
    outline.put("target", start.target());
    outline.put("handoff", NodeRun.handoffPath(start.runId()));
    outline.put("reports", NodeRun.runPath(start.runId()));
    outline.put("startedAtMs", start.startedAtMs());
    outline.put("hasTest", plan.test() != null);
    outline.put("failFast", plan.failFast());
    outline.put("foundation", ids(plan.foundationTasks()));
    List<String> order = TaskGraph.of(plan.tasks()).topologicalOrder();
    List<String> fanOut = new ArrayList<>();
    for (String id : order) {
      if (!plan.task(id).orElseThrow().foundation()) {
        fanOut.add(id);
      }
    }
    outline.put("fanOut", fanOut);
    outline.put("waves", waves(plan));
    Map<String, Object> tasks = new LinkedHashMap<>();
    for (String id : order) {
      tasks.put(id, task(plan.task(id).orElseThrow()));
    }
    outline.put("tasks", tasks);
    return outline;
  }

  /**
   * The tasks after the foundation in waves: a task is in the wave after the latest of the tasks it
   * needs (the first wave when it needs only foundation tasks), so that a host running one wave
   * after another gives every task its needs' results.
   */
  public static List<List<String>> waves(Plan plan) {
    Map<String, Integer> wave = new LinkedHashMap<>();
    List<List<String>> waves = new ArrayList<>();
    for (String id : TaskGraph.of(plan.tasks()).topologicalOrder()) {
      Task task = plan.task(id).orElseThrow();
      if (task.foundation()) {
        continue;
      }
      int index = 0;
      for (String need : task.needs()) {
        Integer needWave = wave.get(need);
        if (needWave != null) {
          index = Math.max(index, needWave + 1);
        }
      }
      wave.put(id, index);
      while (waves.size() <= index) {
        waves.add(new ArrayList<>());
      }
      waves.get(index).add(id);
    }
    return waves;
  }

  private static Map<String, Object> task(Task task) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", task.id());
    map.put("title", task.title());
    map.put("foundation", task.foundation());
    map.put("needs", new ArrayList<>(task.needs()));
    map.put("label", task.label());
    map.put("agent", task.agent());
    return map;
  }

  private static List<String> ids(List<Task> tasks) {
    return new ArrayList<>(tasks.stream().map(Task::id).toList());
  }
}
