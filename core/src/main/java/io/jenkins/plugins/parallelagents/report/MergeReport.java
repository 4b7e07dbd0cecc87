package io.jenkins.plugins.parallelagents.report;

import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import java.util.List;

/**
 * The merge phase.
 *
 * @param order task ids in the order they were (or were to be) merged
 * @param commit the combined commit, or {@code null} when the merge did not complete
 * @param branch the integration branch holding the combined result
 */
public record MergeReport(
    MergeStrategy strategy,
    MergeStatus status,
    List<String> order,
    String commit,
    String branch,
    List<MergeConflict> conflicts,
    long durationMs,
    String reason) {
  public MergeReport {
    order = List.copyOf(order);
    conflicts = List.copyOf(conflicts);
  }
}
