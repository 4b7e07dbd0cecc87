package io.jenkins.plugins.parallelagents.plan;

/** The plan's {@code cleanup} section: how long worktrees and runs are kept. */
public record CleanupSettings(int keepDays, int keepRuns) {
  public static final CleanupSettings DEFAULT = new CleanupSettings(4, 10);
}
