package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.process.CommandRequest;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run's command runner, adding up how long the commands of one attempt took: with it, the time
 * of an attempt splits into its setup, agent and verify commands and the engine's own git work.
 */
final class StepClock implements CommandRunner {

  private final CommandRunner runner;
  private final AtomicLong nanos = new AtomicLong();

  StepClock(CommandRunner runner) {
    this.runner = runner;
  }

  @Override
  public CommandResult run(CommandRequest request) {
    long t0 = System.nanoTime();
    try {
      return runner.run(request);
    } finally {
      nanos.addAndGet(System.nanoTime() - t0);
    }
  }

  @Override
  public void cancelAll() {
    runner.cancelAll();
  }

  @Override
  public boolean isCancelled() {
    return runner.isCancelled();
  }

  long elapsedMs() {
    return nanos.get() / 1_000_000;
  }
}
