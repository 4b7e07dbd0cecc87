package io.jenkins.plugins.parallelagents.report;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The process that runs a run, as {@code report.json} records it: with it, a later command tells a
 * run that goes on from one whose process died (killed, the machine rebooted) and left its report
 * saying {@code RUNNING}.
 *
 * @param host the machine's name; a run of another machine is never judged
 * @param pid the process id
 * @param processStartedAt when that process started: a pid reused by a later process has another
 *     start time, so it is not mistaken for the run's; {@code null} when the system does not say
 */
public record RunOwner(String host, long pid, Instant processStartedAt) {

  /** This JVM. */
  public static RunOwner current() {
    ProcessHandle self = ProcessHandle.current();
    return new RunOwner(hostName(), self.pid(), self.info().startInstant().orElse(null));
  }

  /**
   * Whether this owner's process has surely ended: it ran on this machine and no process with its
   * pid and start time runs now. An owner of another machine, or of this very JVM, is not gone.
   */
  public boolean isGone() {
    if (host == null || !host.equals(hostName())) {
      return false;
    }
    return ProcessHandle.of(pid)
        .map(
            process ->
                processStartedAt != null
                    && process
                        .info()
                        .startInstant()
                        .map(started -> !started.equals(processStartedAt))
                        .orElse(false))
        .orElse(true);
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
