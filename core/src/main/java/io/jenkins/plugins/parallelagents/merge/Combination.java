package io.jenkins.plugins.parallelagents.merge;

import io.jenkins.plugins.parallelagents.report.MergeConflict;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.Regenerated;
import io.jenkins.plugins.parallelagents.report.Resolution;
import io.jenkins.plugins.parallelagents.report.SetAside;
import io.jenkins.plugins.parallelagents.report.SetAsideCause;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The combination a merge train builds, task by task: what is in it, the commit after each task,
 * and what was set aside. One per merge; not thread-safe.
 */
public final class Combination {

  private final List<String> merged = new ArrayList<>();
  private final Map<String, String> heads = new LinkedHashMap<>();
  private final List<SetAside> setAside = new ArrayList<>();
  private final List<MergeConflict> conflicts = new ArrayList<>();
  private final List<Regenerated> regenerated = new ArrayList<>();
  private final List<Resolution> resolutions = new ArrayList<>();

  /**
   * @param aside tasks already out before any merge: those that did not succeed
   */
  public Combination(List<SetAside> aside) {
    setAside.addAll(aside);
  }

  /**
   * The first {@code keep} merged tasks of {@code earlier}, with everything it set aside and {@code
   * ejected}: where a train starts again after ejecting a task.
   */
  public static Combination continuing(MergeOutcome earlier, int keep, List<SetAside> ejected) {
    Combination next = new Combination(earlier.setAside());
    next.setAside.addAll(ejected);
    next.conflicts.addAll(earlier.conflicts());
    Set<String> kept = new HashSet<>(earlier.merged().subList(0, keep));
    for (String task : earlier.merged().subList(0, keep)) {
      next.merged.add(task);
      next.heads.put(task, earlier.heads().get(task));
    }
    earlier.regenerated().stream()
        .filter(r -> kept.contains(r.task()))
        .forEach(next.regenerated::add);
    earlier.resolutions().stream()
        .filter(r -> kept.contains(r.task()))
        .forEach(next.resolutions::add);
    return next;
  }

  /** The needs of {@code task} that are set aside: its branch holds their work too. */
  public List<String> needsSetAside(TaskBranch task) {
    Set<String> out = setAside.stream().map(SetAside::task).collect(Collectors.toSet());
    return task.needs().stream().filter(out::contains).toList();
  }

  public boolean contains(TaskBranch task) {
    return merged.contains(task.taskId());
  }

  public void merged(TaskBranch task, String head) {
    merged.add(task.taskId());
    heads.put(task.taskId(), head);
  }

  public void setAside(SetAside task) {
    setAside.add(task);
  }

  public void conflict(MergeConflict conflict, String reason) {
    conflicts.add(conflict);
    setAside.add(
        new SetAside(
            conflict.task(),
            SetAsideCause.CONFLICT,
            conflict.files(),
            conflict.with(),
            List.of(),
            reason));
  }

  public void regenerated(Regenerated files) {
    regenerated.add(files);
  }

  public void resolved(List<Resolution> changes) {
    resolutions.addAll(changes);
  }

  /** Whether the resolver settled a conflict of a task still in the combination. */
  private boolean resolvedAny() {
    return resolutions.stream().anyMatch(r -> merged.contains(r.task()));
  }

  /** The outcome with {@code commit} as the combined commit. */
  public MergeOutcome outcome(String commit) {
    MergeStatus status;
    if (!setAside.isEmpty()) {
      status = merged.isEmpty() ? MergeStatus.CONFLICT : MergeStatus.PARTIAL;
    } else {
      status = resolvedAny() ? MergeStatus.RESOLVED : MergeStatus.MERGED;
    }
    return new MergeOutcome(
        status,
        merged,
        commit,
        conflicts,
        reason(setAside),
        setAside,
        regenerated,
        resolutions,
        heads);
  }

  /** One line naming what was set aside, or {@code null} when nothing was. */
  static String reason(List<SetAside> aside) {
    if (aside.isEmpty()) {
      return null;
    }
    return aside.stream().map(SetAside::reason).collect(Collectors.joining("; "));
  }
}
