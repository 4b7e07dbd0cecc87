package io.jenkins.plugins.parallelagents.report;

import java.util.Locale;

/**
 * The steps of an attempt, in the order they run. Reports and events name them by {@link #key()}.
 */
public enum AttemptStep {
  /** The task's {@code setup} command. */
  SETUP,
  /** The agent's command. */
  AGENT,
  /** The engine's checks of the task's repository, then its commit of what the agent left. */
  COMMIT,
  /** The task's {@code verify} command. */
  VERIFY,
  /**
   * The checked commit taken into the user's repository, then the checks of the user's repository
   * and of the work itself (the guard).
   */
  COLLECT;

  /** The step's name in {@code report.json} and in events: {@code setup}, {@code agent}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
