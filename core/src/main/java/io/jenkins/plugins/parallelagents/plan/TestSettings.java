package io.jenkins.plugins.parallelagents.plan;

import java.time.Duration;
import java.util.Objects;

/** The plan's {@code test} section: the command run on the combined tree, gating publish. */
public record TestSettings(CommandSpec command, Duration timeout) {
  public TestSettings {
    Objects.requireNonNull(command);
    Objects.requireNonNull(timeout);
  }
}
