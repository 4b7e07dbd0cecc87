package io.jenkins.plugins.parallelagents.process;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Kills a process together with everything it started. */
final class ProcessTrees {

  private static final long GRACE_MS = 2_000;

  private ProcessTrees() {}

  /**
   * Asks the whole tree to stop, then forces what is left. Descendants are collected before the
   * parent dies, because once it does they are re-parented and no longer found through it.
   */
  static void kill(Process process) {
    List<ProcessHandle> tree = process.descendants().toList();
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    long deadline = System.currentTimeMillis() + GRACE_MS;
    try {
      process.waitFor(GRACE_MS, TimeUnit.MILLISECONDS);
      for (ProcessHandle handle : tree) {
        long left = deadline - System.currentTimeMillis();
        if (left > 0 && handle.isAlive()) {
          handle.onExit().get(left, TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // forced below
    }
    // Children started during the grace period are found again through the live parent.
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    tree.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
