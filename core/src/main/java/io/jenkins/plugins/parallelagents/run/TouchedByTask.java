package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.git.HistoryReader;
import io.jenkins.plugins.parallelagents.git.TouchedPaths;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a task's branch changed since the integration start, with what its needs changed: a task
 * that undid a change of its dependency shows no difference of its own on that file, yet merges
 * against it. Enough to skip, without git, the pairs of branches that cannot conflict.
 */
final class TouchedByTask {

  private final HistoryReader history;
  private final Function<String, TaskReport> tasks;
  private final String integrationStart;
  private final Map<String, TouchedPaths> known;

  /**
   * @param tasks the report of a task by id, to follow needs
   * @param known what was already worked out, by task id; filled as tasks are read, so that a need
   *     shared by many tasks is read once. Not safe for use by several threads at once.
   */
  TouchedByTask(
      HistoryReader history,
      Function<String, TaskReport> tasks,
      String integrationStart,
      Map<String, TouchedPaths> known) {
    this.history = history;
    this.tasks = tasks;
    this.integrationStart = integrationStart;
    this.known = known;
  }

  TouchedPaths of(TaskReport task) {
    TouchedPaths done = known.get(task.id());
    if (done != null) {
      return done;
    }
    TouchedPaths own = history.touchedPaths(integrationStart, task.commit());
    Set<String> paths = new HashSet<>(own.paths());
    boolean deletes = own.deletes();
    for (String need : task.needs()) {
      TaskReport dependency = tasks.apply(need);
      if (!dependency.foundation() && dependency.commit() != null) {
        TouchedPaths theirs = of(dependency);
        paths.addAll(theirs.paths());
        deletes |= theirs.deletes();
      }
    }
    TouchedPaths all = new TouchedPaths(paths, deletes);
    known.put(task.id(), all);
    return all;
  }
}
