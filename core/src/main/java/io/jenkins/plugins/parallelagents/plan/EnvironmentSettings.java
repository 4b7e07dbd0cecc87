package io.jenkins.plugins.parallelagents.plan;

/**
 * The plan's {@code environment} section: what each task and the combined test get of their own to
 * start the project with, and what each tree gets to start like the user's checkout does.
 *
 * @param ports port variables, one port of its own per task attempt and test run; never {@code
 *     null}
 * @param database a database per task, or {@code null}
 * @param carry the ignored files copied into every tree; never {@code null}
 */
public record EnvironmentSettings(
    PortSettings ports, DatabaseSettings database, CarrySettings carry) {

  /** A plan without an {@code environment} section: every task runs in the engine's. */
  public static final EnvironmentSettings NONE =
      new EnvironmentSettings(PortSettings.NONE, null, CarrySettings.NONE);

  public EnvironmentSettings {
    ports = ports == null ? PortSettings.NONE : ports;
    carry = carry == null ? CarrySettings.NONE : carry;
  }

  /** Only ports. */
  public EnvironmentSettings(PortSettings ports) {
    this(ports, null, null);
  }

  /** Only a database. */
  public EnvironmentSettings(DatabaseSettings database) {
    this(null, database, null);
  }

  /** Only carried files. */
  public EnvironmentSettings(CarrySettings carry) {
    this(null, null, carry);
  }
}
