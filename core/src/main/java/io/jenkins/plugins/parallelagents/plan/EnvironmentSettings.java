package io.jenkins.plugins.parallelagents.plan;

/**
 * The plan's {@code environment} section: what each task and the combined test get of their own to
 * start the project with.
 *
 * @param ports port variables, one port of its own per task attempt and test run; never {@code
 *     null}
 * @param database a database per task, or {@code null}
 */
public record EnvironmentSettings(PortSettings ports, DatabaseSettings database) {

  /** A plan without an {@code environment} section: every task runs in the engine's. */
  public static final EnvironmentSettings NONE = new EnvironmentSettings(PortSettings.NONE, null);

  public EnvironmentSettings {
    ports = ports == null ? PortSettings.NONE : ports;
  }

  /** Only ports. */
  public EnvironmentSettings(PortSettings ports) {
    this(ports, null);
  }

  /** Only a database. */
  public EnvironmentSettings(DatabaseSettings database) {
    this(PortSettings.NONE, database);
  }
}
