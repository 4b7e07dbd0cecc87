package io.jenkins.plugins.parallelagents.lifecycle;

import java.util.List;

/**
 * What a clean did, or in a dry run would do, with one run.
 *
 * @param runId the run
 * @param action removed, kept, or its saved work expired
 * @param reason why, in words a person reads after the run id
 * @param saved the work kept as snapshots before the run was removed (or that would be)
 * @param dryRun nothing was changed
 */
public record CleanedRun(
    String runId, Action action, String reason, List<SavedWork> saved, boolean dryRun) {

  public CleanedRun {
    saved = List.copyOf(saved);
  }

  /** What happens to a run. */
  public enum Action {
    /** Its trees, branches and folder go; its unpublished work is saved first. */
    REMOVE,
    /** Left as it is. */
    KEEP,
    /** Removed earlier; now its snapshots and archived reports go too. */
    EXPIRE
  }
}
