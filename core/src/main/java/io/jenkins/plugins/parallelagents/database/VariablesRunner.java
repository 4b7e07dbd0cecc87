package io.jenkins.plugins.parallelagents.database;

import io.jenkins.plugins.parallelagents.process.CommandRequest;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import java.util.HashMap;
import java.util.Map;

/**
 * A runner that gives every command it runs some variables more: one task's database, say. The
 * request's own variables win, so the engine's {@code AGENT_*} contract stays as it is.
 */
public final class VariablesRunner implements CommandRunner {

  private final CommandRunner runner;
  private final Map<String, String> variables;

  public VariablesRunner(CommandRunner runner, Map<String, String> variables) {
    this.runner = runner;
    this.variables = Map.copyOf(variables);
  }

  @Override
  public CommandResult run(CommandRequest request) {
    if (variables.isEmpty()) {
      return runner.run(request);
    }
    Map<String, String> environment = new HashMap<>(variables);
    environment.putAll(request.environment());
    return runner.run(request.withEnvironment(environment));
  }

  @Override
  public void cancelAll() {
    runner.cancelAll();
  }

  @Override
  public boolean isCancelled() {
    return runner.isCancelled();
  }
}
