package io.jenkins.plugins.parallelagents.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Follows a process's peak resident memory by reading {@code VmHWM} from {@code /proc} until it
 * ends. The kernel keeps the peak itself, so polling only has to catch the last value before exit;
 * {@code /usr/bin/time} would do the same but is not installed everywhere.
 */
final class PeakMemory {

  private final Thread poller;
  private volatile long peakKb = -1;
  private volatile boolean stopped;

  private PeakMemory(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    poller =
        new Thread(
            () -> {
              while (!stopped) {
                long kb = read(status);
                if (kb > peakKb) {
                  peakKb = kb;
                }
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "peak-memory-" + pid);
    poller.setDaemon(true);
  }

  static PeakMemory follow(long pid) {
    PeakMemory memory = new PeakMemory(pid);
    memory.poller.start();
    return memory;
  }

  /** Stops following and returns the peak seen, in KB, or -1. */
  long stop() {
    stopped = true;
    poller.interrupt();
    try {
      poller.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return peakKb;
  }

  private static long read(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between two reads, or there is no /proc here
    }
    return -1;
  }
}
