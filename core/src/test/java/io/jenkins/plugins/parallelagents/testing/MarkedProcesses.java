package io.jenkins.plugins.parallelagents.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The processes carrying a run's marker, read from {@code /proc} independently of the engine's own
 * search, so that a test does not trust the code it checks.
 */
public final class MarkedProcesses {

  private MarkedProcesses() {}

  /**
   * The live processes whose environment has {@code PARALLEL_AGENTS_RUN_TOKEN=<token>:...}, where
   * {@code value} is what a command saw in that variable ({@code <token>:<n>}).
   */
  public static List<Long> ofRunner(String value) {
    String wanted = "PARALLEL_AGENTS_RUN_TOKEN=" + value.substring(0, value.indexOf(':') + 1);
    List<Long> found = new ArrayList<>();
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : pids) {
        try {
          String environ =
              new String(Files.readAllBytes(dir.resolve("environ")), StandardCharsets.UTF_8);
          for (String entry : environ.split("\0")) {
            if (entry.startsWith(wanted) && !zombie(dir)) {
              found.add(Long.parseLong(dir.getFileName().toString()));
              break;
            }
          }
        } catch (IOException e) {
          // ended meanwhile
        }
      }
    } catch (IOException e) {
      throw new AssertionError("these tests need /proc", e);
    }
    return found;
  }

  /** Whether the process has ended and waits only to be reaped: it runs nothing any more. */
  private static boolean zombie(Path dir) throws IOException {
    String stat = Files.readString(dir.resolve("stat"));
    return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
  }

  /** Waits up to {@code seconds} for the runner's processes to be gone; returns what is left. */
  public static List<Long> leftAfter(String value, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Long> left = ofRunner(value);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      left = ofRunner(value);
    }
    return left;
  }
}
