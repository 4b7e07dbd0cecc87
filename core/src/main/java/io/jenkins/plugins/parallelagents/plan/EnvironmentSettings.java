package io.jenkins.plugins.parallelagents.plan;

import java.util.Objects;

/**
 * The plan's {@code environment} section: what each task's tree gets to start like the user's
 * checkout does.
 *
 * @param carry the ignored files copied into every tree; never {@code null}
 */
public record EnvironmentSettings(CarrySettings carry) {

  /** No {@code environment} section. */
  public static final EnvironmentSettings NONE = new EnvironmentSettings(CarrySettings.NONE);

  public EnvironmentSettings {
    Objects.requireNonNull(carry);
  }
}
