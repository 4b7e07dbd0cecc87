package io.jenkins.plugins.parallelagents.process;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the steps (logged commands: setup, agent, verify, test) through a host's {@link
 * StepLauncher}, e.g. inside the container a build step runs in, while git's own calls (captured
 * commands) stay with the local runner, on this machine. A step's output still goes through the
 * local runner's line filters (masking), output limits, log file and {@code lines}; its environment
 * is the one the local runner would give it, marker included.
 *
 * <p>A step that runs on this machine after all is also swept by the local runner's marker when it
 * ends and on {@link #cancelAll()}; a step inside a container is stopped by the launcher's own
 * {@link StepLauncher.Launched#kill()}.
 */
public final class LaunchingCommandRunner implements CommandRunner, AutoCloseable {

  private final LocalCommandRunner local;
  private final StepLauncher launcher;
  private final Set<StepLauncher.Launched> running = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  /**
   * @param local runs git's calls, and gives the steps their environment, filters and limits
   */
  public LaunchingCommandRunner(LocalCommandRunner local, StepLauncher launcher) {
    this.local = Objects.requireNonNull(local);
    this.launcher = Objects.requireNonNull(launcher);
  }

  @Override
  public CommandResult run(CommandRequest request) {
    if (request.capture()) {
      return local.run(request);
    }
    if (isCancelled()) {
      return CommandResult.cancelledBeforeStart();
    }
    LocalCommandRunner.MarkedStep step = local.mark(request);
    LineStream output = local.logStream(request);
    long start = System.nanoTime();
    StepLauncher.Launched launched;
    try {
      launched = launcher.launch(request.argv(), request.directory(), step.environment(), output);
    } catch (IOException | RuntimeException e) {
      // A host's launcher failing in any way is a step that did not start, not a broken run.
      output.close();
      return CommandResult.notStarted(request.argv().get(0) + ": " + e);
    } catch (InterruptedException e) {
      local.stopLeftovers(step); // it may have started here before the interrupt
      output.close();
      Thread.currentThread().interrupt();
      return CommandResult.cancelledBeforeStart();
    }
    running.add(launched);
    try {
      if (cancelled) {
        kill(launched); // cancelAll ran between the check above and add()
      }
      return await(request, step, launched, output, start);
    } finally {
      running.remove(launched);
    }
  }

  private CommandResult await(
      CommandRequest request,
      LocalCommandRunner.MarkedStep step,
      StepLauncher.Launched launched,
      LineStream output,
      long start) {
    int exit = -1;
    StepTimeout timeout = StepTimeout.start(request.timeout(), () -> kill(launched));
    try {
      exit = launched.join();
    } catch (InterruptedException e) {
      kill(launched);
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      kill(launched); // the way to the launcher broke: the step must not run on unseen
    }
    boolean timedOut = timeout.end();
    // What the step left running here is stopped, as the local runner does for its own steps.
    local.stopLeftovers(step);
    output.close();
    long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    return new CommandResult(exit, "", "", durationMs, timedOut, cancelled, null);
  }

  private static void kill(StepLauncher.Launched launched) {
    try {
      launched.kill();
    } catch (IOException | RuntimeException e) {
      // the launcher is gone; what ran here is still swept by the marker
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops every running step and git call; commands asked for afterwards do not start. */
  @Override
  public void cancelAll() {
    cancelled = true;
    List.copyOf(running).forEach(LaunchingCommandRunner::kill);
    local.cancelAll();
  }

  @Override
  public boolean isCancelled() {
    return cancelled || local.isCancelled();
  }

  /** Stops whatever still runs, and closes the local runner. */
  @Override
  public void close() {
    List.copyOf(running).forEach(LaunchingCommandRunner::kill);
    local.close();
  }

  /** Kills a step when its time is up, on a thread of its own; nothing without a timeout. */
  private static final class StepTimeout {

    private final Thread thread;
    private volatile boolean expired;
    private volatile boolean over;

    private StepTimeout(Duration timeout, Runnable kill) {
      if (timeout == null) {
        thread = null;
        return;
      }
      thread =
          new Thread(
              () -> {
                try {
                  Thread.sleep(timeout.toMillis());
                } catch (InterruptedException e) {
                  return; // the step ended in time
                }
                if (!over) {
                  expired = true;
                  kill.run();
                }
              },
              "parallel-agents-step-timeout");
      thread.setDaemon(true);
      thread.start();
    }

    static StepTimeout start(Duration timeout, Runnable kill) {
      return new StepTimeout(timeout, kill);
    }

    /** The step ended: no kill from here on. Returns whether the time was up before. */
    boolean end() {
      over = true;
      if (thread != null) {
        thread.interrupt();
      }
      return expired;
    }
  }
}
