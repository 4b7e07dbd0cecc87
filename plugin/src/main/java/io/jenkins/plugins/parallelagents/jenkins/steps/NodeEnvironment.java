package io.jenkins.plugins.parallelagents.jenkins.steps;

import io.jenkins.plugins.parallelagents.git.GitEnvironment;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The build's environment as a step sees it, carried to the node where the engine runs: git and
 * every command of the plan run with these variables.
 */
final class NodeEnvironment implements Serializable {

  private static final long serialVersionUID = 1L;

  private final HashMap<String, String> variables;

  NodeEnvironment(Map<String, String> variables) {
    this.variables = new HashMap<>(variables);
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
}
