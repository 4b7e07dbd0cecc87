package io.jenkins.plugins.parallelagents.merge;

import io.jenkins.plugins.parallelagents.report.MergeConflict;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.Regenerated;
import io.jenkins.plugins.parallelagents.report.Resolution;
import io.jenkins.plugins.parallelagents.report.SetAside;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What merging the task branches gave.
 *
 * @param merged task ids merged, in order
 * @param commit the integration branch's commit after the last merge that worked, or {@code null}
 *     when the combined tree could not be used
 * @param reason why not everything was combined, or {@code null}
 * @param setAside the tasks left out of {@code commit}, and why
 * @param heads the combined commit after each merged task, in merge order: the combination of every
 *     prefix of {@code merged}
 */
public record MergeOutcome(
    MergeStatus status,
    List<String> merged,
    String commit,
    List<MergeConflict> conflicts,
    String reason,
    List<SetAside> setAside,
    List<Regenerated> regenerated,
    List<Resolution> resolutions,
    Map<String, String> heads) {
  public MergeOutcome {
    merged = List.copyOf(merged);
    conflicts = List.copyOf(conflicts);
    setAside = List.copyOf(setAside);
    regenerated = List.copyOf(regenerated);
    resolutions = List.copyOf(resolutions);
    heads = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(heads));
  }

  /** An outcome with no combination: the merge could not be made at all. */
  public static MergeOutcome failed(
      List<String> merged, List<MergeConflict> conflicts, String reason) {
    return new MergeOutcome(
        MergeStatus.FAILED,
        merged,
        null,
        conflicts,
        reason,
        List.of(),
        List.of(),
        List.of(),
        Map.of());
  }
}
