package io.jenkins.plugins.parallelagents.merge;

import io.jenkins.plugins.parallelagents.report.MergeConflict;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import java.util.List;

/**
 * What merging the task branches gave.
 *
 * @param merged task ids merged, in order
 * @param commit the integration branch's commit after the last merge that worked
 * @param reason why it stopped, or {@code null}
 */
public record MergeOutcome(
    MergeStatus status,
    List<String> merged,
    String commit,
    List<MergeConflict> conflicts,
    String reason) {
  public MergeOutcome {
    merged = List.copyOf(merged);
    conflicts = List.copyOf(conflicts);
  }
}
