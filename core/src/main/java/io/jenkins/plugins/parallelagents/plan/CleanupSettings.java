package io.jenkins.plugins.parallelagents.plan;

/**
 * The plan's {@code cleanup} section: which runs the engine removes, and how long it keeps the work
 * it saved from them.
 *
 * @param keepDays runs that ended more than this many days ago are removed
 * @param keepRuns the newest runs always kept
 * @param keepSnapshotsDays how long the work saved from a removed run (snapshot refs, archived
 *     reports) is kept
 */
public record CleanupSettings(int keepDays, int keepRuns, int keepSnapshotsDays) {
  public static final CleanupSettings DEFAULT = new CleanupSettings(4, 10, 30);

  /** The given retention with the default snapshot lifetime. */
  public CleanupSettings(int keepDays, int keepRuns) {
    this(keepDays, keepRuns, 30);
  }
}
