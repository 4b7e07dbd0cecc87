package io.jenkins.plugins.parallelagents.plan;

import java.util.Objects;

/** A named agent from the plan's {@code agents} section: the command that does a task's work. */
public record AgentProfile(String name, CommandSpec command) {
  public AgentProfile {
    Objects.requireNonNull(name);
    Objects.requireNonNull(command);
  }
}
