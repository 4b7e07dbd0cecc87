package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.guard.DiffGuard;
import io.jenkins.plugins.parallelagents.guard.Finding;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.AttemptReport;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.secrets.Redactor;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, when a run goes on, which tasks keep what the earlier run left and which run again. A
 * kept task is taken as its branch is now: a branch fixed by hand since is what gets merged.
 */
final class KeptWork {

  private final Plan plan;
  private final Continuation continuation;
  private final TaskDefinitions recorded;
  private final Git git;
  private final Path repository;
  private final String baseCommit;
  private final Redactor redactor;
  private final Map<String, TaskReport> earlier = new LinkedHashMap<>();
  private final Set<String> recordedCommits;

  /**
   * @param recorded the task definitions the earlier run recorded, or {@code null} when it recorded
   *     none (every task then counts as unchanged)
   * @param baseCommit the earlier run's base: every kept branch must still descend from it
   * @param redactor the run's redactor, for the guard's check of a branch moved since
   */
  KeptWork(
      Plan plan,
      RunReport previous,
      TaskDefinitions recorded,
      Continuation continuation,
      Git git,
      Path repository,
      String baseCommit,
      Redactor redactor) {
    this.plan = plan;
    this.redactor = redactor;
    this.continuation = continuation;
    this.recorded = recorded;
    this.git = git;
    this.repository = repository;
    this.baseCommit = baseCommit;
    previous.tasks().forEach(t -> earlier.put(t.id(), t));
    this.recordedCommits = recordedCommits(previous);
  }

  /** The tasks that keep their earlier result, by id, in plan order; every other task runs. */
  Map<String, TaskReport> kept() {
    Map<String, TaskReport> kept = new LinkedHashMap<>();
    for (Task task : plan.tasks()) {
      keep(task).ifPresent(report -> kept.put(task.id(), report));
    }
    if (continuation.kind() == Continuation.Kind.MERGE) {
      return kept;
    }
    // A task that runs again changes what starts from it: its dependants run again too, and
    // after a foundation task every later one and the whole fan-out.
    Set<String> again = new HashSet<>();
    boolean foundationAgain = false;
    for (Task task : plan.tasks()) {
      boolean runs =
          !kept.containsKey(task.id())
              || foundationAgain
              || task.needs().stream().anyMatch(again::contains);
      if (runs) {
        again.add(task.id());
        kept.remove(task.id());
        foundationAgain |= task.foundation();
      }
    }
    return kept;
  }

  /** The earlier result of {@code task} if it is kept, before its dependencies are considered. */
  private Optional<TaskReport> keep(Task task) {
    TaskReport before = earlier.get(task.id());
    if (continuation.kind() == Continuation.Kind.MERGE) {
      if (before == null) {
        return Optional.of(absent(task));
      }
      return Optional.of(
          before.status().isFinal()
              ? asBranchIsNow(before)
              : before.notRun(TaskStatus.SKIPPED, "it did not finish; 'resume' runs it again"));
    }
    if (before == null
        || continuation.redo().contains(task.id())
        || (recorded != null && recorded.changed(plan, task))
        || !finished(before.status())) {
      return Optional.empty();
    }
    if (!before.status().isDone()) {
      return Optional.of(before); // a failure stays one until the task is retried
    }
    TaskReport now = asBranchIsNow(before);
    return now.status().isDone() ? Optional.of(now) : Optional.empty();
  }

  /** Ended on its own: an interrupted, cancelled or skipped task never did its work. */
  private static boolean finished(TaskStatus status) {
    return status == TaskStatus.SUCCEEDED
        || status == TaskStatus.NO_CHANGES
        || status == TaskStatus.FAILED
        || status == TaskStatus.TIMED_OUT;
  }

  /**
   * The earlier result with its branch as it is now. A branch moved by someone since counts as the
   * task's work when it still descends from the base; a failed task whose branch got a new commit
   * (a fix by hand) counts as done.
   */
  private TaskReport asBranchIsNow(TaskReport before) {
    String branch = before.branch();
    if (branch == null) {
      return before;
    }
    Optional<String> tip = git.resolveCommit(repository, "refs/heads/" + branch);
    if (tip.isEmpty()) {
      return before.status().isDone()
          ? before.failed("its branch " + branch + " is gone", before.finishedAt())
          : before;
    }
    String commit = tip.get();
    if (commit.equals(before.commit()) || recordedCommits.contains(commit)) {
      return before;
    }
    if (!git.isAncestor(repository, baseCommit, commit)) {
      return before.failed(
          "its branch " + branch + " no longer descends from the run's base " + shortId(),
          before.finishedAt());
    }
    // What was put on the branch since is nobody's checked work: the agent's own commits of a
    // failed attempt and anything added on top get the guard that a succeeding attempt gets.
    List<Finding> findings =
        DiffGuard.check(git, repository, baseCommit, commit, plan.guard(), redactor);
    if (!findings.isEmpty()) {
      return before.failed(
          "its branch " + branch + " was changed after the run; " + DiffGuard.reason(findings),
          before.finishedAt());
    }
    return before.onBranchAt(commit, "its branch was changed after the run; merged as it is now");
  }

  /**
   * Every commit the earlier run itself put on a branch: a failed task's branch is left at the
   * commit it started from (the base, a foundation's or a need's commit), and none of them is a fix
   * by hand.
   */
  private static Set<String> recordedCommits(RunReport report) {
    Set<String> known = new HashSet<>();
    if (report.run().base() != null && report.run().base().commit() != null) {
      known.add(report.run().base().commit());
    }
    for (TaskReport task : report.tasks()) {
      if (task.commit() != null) {
        known.add(task.commit());
      }
      for (AttemptReport attempt : task.attempts()) {
        if (attempt.commit() != null) {
          known.add(attempt.commit());
        }
        known.addAll(attempt.commits());
      }
    }
    return known;
  }

  private String shortId() {
    return baseCommit.substring(0, Math.min(12, baseCommit.length()));
  }

  /** A task of the plan that the earlier run did not have: a merge cannot invent its work. */
  private static TaskReport absent(Task task) {
    return TaskReport.pending(task.id(), task.title(), task.foundation(), task.needs())
        .notRun(TaskStatus.SKIPPED, "the run had no such task; resume or retry runs it");
  }
}
