package io.jenkins.plugins.parallelagents.process;

/**
 * Runs external commands: git, agents, setup, verify and test commands all go through one runner,
 * so that a host can change how a command is launched and a run can be cancelled as a whole.
 */
public interface CommandRunner {

  /**
   * Runs the command to its end, its timeout, or the runner's cancellation. Never throws for a
   * failed command.
   */
  CommandResult run(CommandRequest request);

  /** Kills every running command's process tree; commands asked for afterwards do not start. */
  void cancelAll();

  boolean isCancelled();
}
