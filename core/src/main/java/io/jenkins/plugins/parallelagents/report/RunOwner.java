package io.jenkins.plugins.parallelagents.report;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that runs a run, as {@code report.json} records it: with it, a later command tells a
 * run that goes on from one whose process died (killed, the machine rebooted) and left its report
 * saying {@code RUNNING}.
 *
 * @param host the machine's name; a run of another machine is never judged
 * @param pid the process id
 * @param processStartedAt when that process started, for people; {@code null} when the system does
 *     not say
 * @param processStart the kernel's own mark of that process's start ({@code <boot id>:<clock ticks
 *     since boot>} on Linux): a pid reused by a later process has another, so it is not mistaken
 *     for the run's; {@code null} when the system has none (then {@code processStartedAt} is
 *     compared)
 */
public record RunOwner(String host, long pid, Instant processStartedAt, String processStart) {

  /** This JVM. */
  public static RunOwner current() {
    return of(ProcessHandle.current());
  }

  /** A process of this machine. */
  public static RunOwner of(ProcessHandle process) {
    return new RunOwner(
        hostName(),
        process.pid(),
        process.info().startInstant().orElse(null),
        kernelStart(process.pid()).orElse(null));
  }

  /**
   * Whether this owner's process has surely ended: it ran on this machine and no process with its
   * pid and start runs now. An owner of another machine, or of this very JVM, is not gone.
   *
   * <p>The kernel's start mark is compared when both sides have one, because the start time Java
   * reports is not stable across JVMs: each adds the process's ticks since boot to the boot time it
   * read when it started, and the kernel moves that boot time whenever the wall clock is adjusted
   * (seconds, on a machine whose clock is synchronised). Compared to the millisecond, a live run
   * would be judged dead by a later command, and its run marked interrupted under it.
   */
  public boolean isGone() {
    if (host == null || !host.equals(hostName())) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty()) {
      return true;
    }
    if (processStart != null) {
      return kernelStart(pid).map(now -> !now.equals(processStart)).orElse(false);
    }
    return processStartedAt != null
        && process
            .get()
            .info()
            .startInstant()
            .map(started -> !started.equals(processStartedAt))
            .orElse(false);
  }

  /** The boot and the clock tick a process started at, read from {@code /proc}; Linux only. */
  static Optional<String> kernelStart(long pid) {
    try {
      String bootId = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name in parentheses may hold spaces and parentheses; the fields after the
      // last ')' start with the state (field 3), so the start time (field 22) is the 20th.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return fields.length > 19 && !bootId.isEmpty()
          ? Optional.of(bootId + ":" + fields[19])
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not Linux, or the process just ended
    }
  }

  /** The kernel's name for the machine (cheap, no DNS), else what Java resolves. */
  private static String hostName() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException e) {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException unknown) {
        return "localhost";
      }
    }
  }
}
