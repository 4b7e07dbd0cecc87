package io.jenkins.plugins.parallelagents.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a run: the JVM runs shutdown hooks and then halts, which would leave agents running
 * and no report. The hook cancels the run and holds the JVM until the run has returned (and the
 * host has printed its summary), for at most a grace period. The JVM then exits as a process
 * stopped by that signal does: 130 after SIGINT, 143 after SIGTERM ({@link ExitCodes}).
 */
final class CancelOnShutdown implements AutoCloseable {

  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  private CancelOnShutdown(Runnable cancel, Duration grace) {
    this.hook =
        new Thread(
            () -> {
              try {
                cancel.run();
              } finally {
                awaitFinished(grace);
              }
            },
            "parallel-agents-cancel");
  }

  /** Registers the hook; closing this object marks the run finished and unregisters it. */
  static CancelOnShutdown register(Runnable cancel, Duration grace) {
    CancelOnShutdown guard = new CancelOnShutdown(cancel, grace);
    Runtime.getRuntime().addShutdownHook(guard.hook);
    return guard;
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: counting down above is what lets it, and the JVM, finish
    }
  }

  private void awaitFinished(Duration grace) {
    try {
      finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
