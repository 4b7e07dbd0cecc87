package io.jenkins.plugins.parallelagents.plan;

import java.util.List;
import java.util.Objects;

/**
 * The plan's {@code merge} section.
 *
 * @param resolver agent profile run on a conflict when {@code onConflict} is RESOLVE, else {@code
 *     null}
 * @param onTestFailure what a red combined test does
 * @param maxTestRuns how many times the combined test may run in one run, the first run and the
 *     search for what broke it included; {@code null}: as many as the search needs, which grows
 *     with the logarithm of the number of tasks
 * @param regenerate the plan's own rules for files rebuilt rather than text-merged, tried before
 *     the built-in ones
 */
public record MergeSettings(
    MergeStrategy strategy,
    ConflictPolicy onConflict,
    String resolver,
    TestFailurePolicy onTestFailure,
    Integer maxTestRuns,
    List<RegenerateRule> regenerate) {
  public static final MergeSettings DEFAULT =
      new MergeSettings(MergeStrategy.MERGE, ConflictPolicy.FAIL, null);

  public MergeSettings {
    Objects.requireNonNull(strategy);
    Objects.requireNonNull(onConflict);
    Objects.requireNonNull(onTestFailure);
    regenerate = regenerate == null ? List.of() : List.copyOf(regenerate);
  }

  /** Settings with the default test-failure policy, test budget and no rules of the plan's own. */
  public MergeSettings(MergeStrategy strategy, ConflictPolicy onConflict, String resolver) {
    this(strategy, onConflict, resolver, TestFailurePolicy.EJECT, null, List.of());
  }

  /** These settings with another test-failure policy. */
  public MergeSettings withOnTestFailure(TestFailurePolicy policy) {
    return new MergeSettings(strategy, onConflict, resolver, policy, maxTestRuns, regenerate);
  }
}
