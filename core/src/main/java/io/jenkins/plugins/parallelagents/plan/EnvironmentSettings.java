package io.jenkins.plugins.parallelagents.plan;

/**
 * The plan's {@code environment} section: what each task and the combined test get of their own to
 * start the project with.
 *
 * @param ports port variables, one port of its own per task attempt and test run; never {@code
 *     null}
 */
public record EnvironmentSettings(PortSettings ports) {

  /** A plan without an {@code environment} section. */
  public static final EnvironmentSettings NONE = new EnvironmentSettings(PortSettings.NONE);

  public EnvironmentSettings {
    ports = ports == null ? PortSettings.NONE : ports;
  }
}
