package io.jenkins.plugins.parallelagents.plan;

import java.util.Objects;

/**
 * A named agent from the plan's {@code agents} section: the command that does a task's work.
 *
 * @param sandbox whether the command runs in the OS sandbox (its profile's {@code sandbox}, or
 *     {@code defaults.sandbox}): the whole disk read-only but its own tree
 */
public record AgentProfile(String name, CommandSpec command, boolean sandbox) {
  public AgentProfile {
    Objects.requireNonNull(name);
    Objects.requireNonNull(command);
  }

  /** A profile that runs without the sandbox. */
  public AgentProfile(String name, CommandSpec command) {
    this(name, command, false);
  }
}
