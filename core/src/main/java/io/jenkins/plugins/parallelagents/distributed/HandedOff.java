package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.agent.DependencyOutcome;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.merge.NeedMerge;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a task on a node starts from: the results other nodes handed off before it. */
final class HandedOff {

  private HandedOff() {}

  /**
   * Foundation tasks run one after another, each from the one before; every other task starts from
   * the last of them.
   */
  static String startPoint(NodeRun run, Task task, Map<String, TaskReport> received) {
    String start = run.start().baseCommit();
    for (Task foundation : run.plan().foundationTasks()) {
      if (foundation.id().equals(task.id())) {
        break;
      }
      TaskReport done = received.get(foundation.id());
      if (done == null || done.commit() == null || !done.status().isDone()) {
        throw new HandoffException(
            "foundation task '"
                + foundation.id()
                + "' has "
                + (done == null ? "not handed off a result here" : "status " + done.status()));
      }
      start = done.commit();
    }
    return start;
  }

  static String mergeNeeds(Git git, Task task, Map<String, TaskReport> received, Path worktree) {
    for (String need : task.needs()) {
      TaskReport dependency = received.get(need);
      if (dependency != null && dependency.foundation()) {
        continue; // foundation work is already in the start point
      }
      if (dependency == null || !dependency.status().isDone() || dependency.commit() == null) {
        return "its dependency '"
            + need
            + "' "
            + (dependency == null
                ? "has not handed off a result here"
                : "did not succeed (" + dependency.status() + ")");
      }
      String failure = NeedMerge.into(git, worktree, task.id(), need, dependency.commit());
      if (failure != null) {
        return failure;
      }
    }
    return null;
  }

  static List<DependencyOutcome> dependencies(Task task, Map<String, TaskReport> received) {
    List<DependencyOutcome> outcomes = new ArrayList<>();
    for (String need : task.needs()) {
      TaskReport done = received.get(need);
      if (done != null) {
        outcomes.add(new DependencyOutcome(need, done.title(), done.commit(), done.changedFiles()));
      }
    }
    return outcomes;
  }
}
