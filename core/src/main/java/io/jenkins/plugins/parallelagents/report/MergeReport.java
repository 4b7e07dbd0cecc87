package io.jenkins.plugins.parallelagents.report;

import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import java.util.List;

/**
 * The merge phase: a merge train that combined every task it could.
 *
 * @param order task ids in the order they were (or were to be) merged
 * @param commit the combined commit, or {@code null} when nothing could be combined
 * @param branch the integration branch holding the combined result
 * @param conflicts the conflicts met, one per task set aside for a conflict
 * @param merged the tasks in {@code commit}, in merge order: the combination a user gets
 * @param setAside the tasks that are not in {@code commit}, and why
 * @param regenerated the files regenerated instead of text-merged, per task
 * @param resolutions what the resolver agent changed, per conflicted file
 */
public record MergeReport(
    MergeStrategy strategy,
    MergeStatus status,
    List<String> order,
    String commit,
    String branch,
    List<MergeConflict> conflicts,
    long durationMs,
    String reason,
    List<String> merged,
    List<SetAside> setAside,
    List<Regenerated> regenerated,
    List<Resolution> resolutions) {
  public MergeReport {
    order = List.copyOf(order);
    conflicts = List.copyOf(conflicts);
    merged = merged == null ? List.of() : List.copyOf(merged);
    setAside = setAside == null ? List.of() : List.copyOf(setAside);
    regenerated = regenerated == null ? List.of() : List.copyOf(regenerated);
    resolutions = resolutions == null ? List.of() : List.copyOf(resolutions);
  }

  /** A merge phase that combined nothing: pending, skipped, or failed before any merge. */
  public static MergeReport empty(MergeStrategy strategy, MergeStatus status, String reason) {
    return new MergeReport(
        strategy, status, List.of(), null, null, List.of(), 0, reason, List.of(), List.of(),
        List.of(), List.of());
  }

  /** This report with another status and reason, everything else kept. */
  public MergeReport withStatus(MergeStatus newStatus, String newReason) {
    return new MergeReport(
        strategy,
        newStatus,
        order,
        commit,
        branch,
        conflicts,
        durationMs,
        newReason,
        merged,
        setAside,
        regenerated,
        resolutions);
  }
}
