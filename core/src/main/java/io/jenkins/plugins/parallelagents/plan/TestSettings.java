package io.jenkins.plugins.parallelagents.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * The plan's {@code test} section: the command run on the combined tree, gating publish.
 *
 * @param setup run in the combined tree before {@code command} (installing dependencies: the
 *     combined tree is a fresh checkout), or {@code null}
 */
public record TestSettings(CommandSpec command, Duration timeout, CommandSpec setup) {
  public TestSettings {
    Objects.requireNonNull(command);
    Objects.requireNonNull(timeout);
  }

  /** A test with no setup. */
  public TestSettings(CommandSpec command, Duration timeout) {
    this(command, timeout, null);
  }
}
