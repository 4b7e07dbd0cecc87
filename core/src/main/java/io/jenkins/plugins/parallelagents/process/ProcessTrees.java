package io.jenkins.plugins.parallelagents.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stops processes together with everything they started: asks all of them at once (SIGTERM), gives
 * them one shared grace period, then forces what is left (SIGKILL). Stopping twenty stuck agents
 * thus takes one grace period, not twenty.
 *
 * <p>Four nets catch a step's processes: the descendants still attached to it, its process group
 * (steps run in a session of their own, with {@code setsid}), the {@link RunMarker} in the
 * environment, which also finds what left the group ({@code setsid nohup ...}, a double fork), and,
 * where the machine allows it, the step's control group ({@link StepCgroups}), which also holds
 * what cleared its environment.
 */
final class ProcessTrees {

  static final long GRACE_MS = 2_000;
  private static final long POLL_MS = 50;

  /**
   * How long the last sweep may go on freezing and killing marked processes: a bound for a fork
   * bomb outrunning it, far above the milliseconds a sweep takes.
   */
  private static final long SWEEP_MS = 10_000;

  /** How long no marked process may be seen before a sweep trusts that none is left. */
  private static final long QUIET_MS = 300;

  private ProcessTrees() {}

  /**
   * Stops {@code roots} (processes this JVM started, maybe still running), the process groups led
   * by {@code groups}, the processes that carry the {@code marked} environment entry, and every
   * process in the control group {@code cgroup} ({@link StepCgroups}), which it then removes.
   */
  static void stop(
      Collection<Process> roots,
      Collection<Long> groups,
      RunMarker.Selection marked,
      Optional<Path> cgroup) {
    // Descendants are collected before the roots die: once they do, theirs are re-parented.
    List<ProcessHandle> targets = new ArrayList<>();
    roots.forEach(root -> targets.addAll(root.descendants().toList()));
    targets.addAll(marked.find());
    signalGroups(groups, "TERM");
    targets.forEach(ProcessHandle::destroy);
    roots.forEach(Process::destroy);
    awaitExit(roots, groups, targets);
    signalGroups(groups, "KILL");
    // Children started during the grace period are found again through the live roots.
    roots.forEach(root -> root.descendants().forEach(ProcessHandle::destroyForcibly));
    targets.forEach(ProcessHandle::destroyForcibly);
    roots.forEach(Process::destroyForcibly);
    // The one net nothing escapes where the machine allows it; the sweep still catches what left
    // the group (a process allowed to write to the control group files).
    cgroup.ifPresent(StepCgroups::kill);
    sweep(marked);
  }

  /**
   * Kills every marked process, even one that keeps starting a new copy of itself and exiting:
   * killing what a scan found is always one copy late, so the marked processes are first frozen
   * (SIGSTOP, which no process can ignore) until a scan finds no new one, and only then killed. A
   * process in the middle of an {@code exec} shows no environment for a moment, so a scan can miss
   * it: the sweep ends only once no marked process has been seen for {@value #QUIET_MS} ms.
   */
  private static void sweep(RunMarker.Selection marked) {
    long deadline = System.currentTimeMillis() + SWEEP_MS;
    long quietUntil = System.currentTimeMillis() + QUIET_MS;
    boolean interrupted = false;
    while (System.currentTimeMillis() < deadline) {
      List<ProcessHandle> left = marked.find();
      if (!left.isEmpty()) {
        freezeThenKill(marked, left, deadline);
        quietUntil = System.currentTimeMillis() + QUIET_MS;
      } else if (System.currentTimeMillis() >= quietUntil) {
        break;
      } else {
        try {
          Thread.sleep(POLL_MS / 5); // nothing to wait on for a process that may yet show up
        } catch (InterruptedException e) {
          interrupted = true; // finish the sweep first: a cancelled run must not leave processes
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void freezeThenKill(
      RunMarker.Selection marked, List<ProcessHandle> found, long deadline) {
    Set<ProcessHandle> frozen = new HashSet<>();
    List<ProcessHandle> fresh = found;
    while (!fresh.isEmpty() && System.currentTimeMillis() < deadline) {
      signal(fresh, "STOP");
      frozen.addAll(fresh);
      fresh = marked.find().stream().filter(p -> !frozen.contains(p)).toList();
    }
    frozen.forEach(ProcessHandle::destroyForcibly);
  }

  /** Sends a signal Java has no call for to processes (not groups). */
  private static void signal(List<ProcessHandle> processes, String signal) {
    String pids =
        processes.stream().map(p -> Long.toString(p.pid())).collect(Collectors.joining(" "));
    shell("kill -s " + signal + " " + pids + " 2>/dev/null");
  }

  private static boolean anyGroupAlive(Collection<Long> groupLeaders) {
    if (groupLeaders.isEmpty()) {
      return false;
    }
    String groups = groupLeaders.stream().map(g -> "-" + g).collect(Collectors.joining(" "));
    return shell("for g in " + groups + "; do kill -0 -- $g 2>/dev/null && exit 0; done; exit 1");
  }

  /** Waits until every target has ended, or the grace period is over. */
  private static void awaitExit(
      Collection<Process> roots, Collection<Long> groups, List<ProcessHandle> targets) {
    long deadline = System.currentTimeMillis() + GRACE_MS;
    while (System.currentTimeMillis() < deadline) {
      boolean alive =
          roots.stream().anyMatch(Process::isAlive)
              || targets.stream().anyMatch(ProcessHandle::isAlive)
              || anyGroupAlive(groups);
      if (!alive) {
        return;
      }
      try {
        Thread.sleep(POLL_MS); // there is no handle to wait on for a group or a non-child
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Sends a signal to every process of the groups. */
  private static void signalGroups(Collection<Long> groupLeaders, String signal) {
    if (groupLeaders.isEmpty()) {
      return;
    }
    String groups = groupLeaders.stream().map(g -> "-" + g).collect(Collectors.joining(" "));
    shell("kill -s " + signal + " -- " + groups + " 2>/dev/null");
  }

  private static boolean shell(String script) {
    ProcessBuilder kill =
        new ProcessBuilder("sh", "-c", script)
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
