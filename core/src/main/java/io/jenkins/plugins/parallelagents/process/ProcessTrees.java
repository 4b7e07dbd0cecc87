package io.jenkins.plugins.parallelagents.process;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kills a process together with everything it started. Steps started in a session of their own
 * ({@code setsid}) are killed as a process group, which also reaches background processes whose
 * parent already exited; otherwise the descendants still attached to the process are.
 */
final class ProcessTrees {

  private static final long GRACE_MS = 2_000;

  private ProcessTrees() {}

  /**
   * Asks the whole tree to stop, then forces what is left. Descendants are collected before the
   * parent dies, because once it does they are re-parented and no longer found through it.
   */
  static void kill(Process process, boolean ownGroup) {
    List<ProcessHandle> tree = process.descendants().toList();
    if (ownGroup) {
      signalGroup(process.pid(), "TERM");
    }
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    awaitExit(process, tree);
    if (ownGroup) {
      signalGroup(process.pid(), "KILL");
    }
    // Children started during the grace period are found again through the live parent.
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    tree.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /**
   * After a step's own process ended: stops what it left running in its process group (a server
   * started in the background, a watcher), as a build server ends a build's stray processes.
   */
  static void killLeftovers(long groupLeader) {
    if (!signalGroup(groupLeader, "0")) {
      return; // the group is empty: the usual case
    }
    signalGroup(groupLeader, "TERM");
    long deadline = System.currentTimeMillis() + GRACE_MS;
    while (System.currentTimeMillis() < deadline && signalGroup(groupLeader, "0")) {
      try {
        Thread.sleep(50); // polling the group: there is no handle to wait on
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    signalGroup(groupLeader, "KILL");
  }

  private static void awaitExit(Process process, List<ProcessHandle> tree) {
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
      // forced by the caller
    }
  }

  /** Sends a signal to every process of a group; returns whether any process received it. */
  private static boolean signalGroup(long groupLeader, String signal) {
    ProcessBuilder kill =
        new ProcessBuilder("sh", "-c", "kill -s " + signal + " -- -" + groupLeader + " 2>/dev/null")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    try {
      return kill.start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
