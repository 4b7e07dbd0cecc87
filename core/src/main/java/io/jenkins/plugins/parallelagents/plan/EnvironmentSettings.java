package io.jenkins.plugins.parallelagents.plan;

/**
 * The plan's {@code environment}: what each task gets of its own to run in.
 *
 * @param database a database per task, or {@code null}
 */
public record EnvironmentSettings(DatabaseSettings database) {

  /** Nothing of its own: every task runs in the environment of the engine. */
  public static final EnvironmentSettings NONE = new EnvironmentSettings(null);
}
