package io.jenkins.plugins.parallelagents.jenkins.steps;

import io.jenkins.plugins.parallelagents.git.GitEnvironment;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import io.jenkins.plugins.parallelagents.process.LaunchingCommandRunner;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The build's environment as a step sees it, carried to the node where the engine runs: git and
 * every command of the plan run with these variables. It may carry the step's Launcher too ({@link
 * StepEnvironment}), through which the plan's commands are then launched.
 */
final class NodeEnvironment implements Serializable {

  private static final long serialVersionUID = 1L;

  private final HashMap<String, String> variables;

  /** The step context's Launcher, or {@code null}: the plan's commands run as local processes. */
  private final NodeStepLauncher steps;

  NodeEnvironment(Map<String, String> variables) {
    this(variables, null);
  }

  private NodeEnvironment(Map<String, String> variables, NodeStepLauncher steps) {
    this.variables = new HashMap<>(variables);
    this.steps = steps;
  }

  /** The same variables; the plan's commands launched by {@code steps}. */
  NodeEnvironment withSteps(NodeStepLauncher steps) {
    return new NodeEnvironment(variables, steps);
  }

  /** The variables prepared for the engine (no git location overrides, no prompts, no auto gc). */
  Map<String, String> forEngine() {
    return GitEnvironment.forEngine(variables);
  }

  /**
   * A runner for one call on the node; close it when the call ends, which stops whatever of its
   * commands is still running and its watchdog.
   */
  LocalCommandRunner runner() {
    return new LocalCommandRunner(forEngine());
  }

  /**
   * What the engine runs its commands with during a call: git's calls on {@code local}, the plan's
   * steps (setup, agent, verify, test) through the step's Launcher when there is one, so that
   * {@code container} and {@code inside} apply to them.
   */
  CommandRunner forSteps(LocalCommandRunner local) {
    return steps == null ? local : new LaunchingCommandRunner(local, steps);
  }
}
