package io.jenkins.plugins.parallelagents.plan;

import java.util.Objects;

/**
 * The plan's {@code merge} section.
 *
 * @param resolver agent profile run on a conflict when {@code onConflict} is RESOLVE, else {@code
 *     null}
 */
public record MergeSettings(MergeStrategy strategy, ConflictPolicy onConflict, String resolver) {
  public static final MergeSettings DEFAULT =
      new MergeSettings(MergeStrategy.MERGE, ConflictPolicy.FAIL, null);

  public MergeSettings {
    Objects.requireNonNull(strategy);
    Objects.requireNonNull(onConflict);
  }
}
