package io.jenkins.plugins.parallelagents.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The environment variable every command of one runner inherits, and every process those commands
 * start: it finds a runner's processes even when they left the step's process group ({@code
 * setsid}, a double fork). Only a process that clears its environment escapes it.
 *
 * <p>The value is {@code <runner token>:<command number>}, so that one step's processes, or all of
 * a runner's, can be found. Processes are found through {@code /proc/<pid>/environ}; where there is
 * no {@code /proc}, nothing is found and process groups remain the only net.
 */
final class RunMarker {

  /** The variable's name; its value says which runner and which command a process belongs to. */
  static final String VARIABLE = "PARALLEL_AGENTS_RUN_TOKEN";

  private static final Path PROC = Path.of("/proc");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String token;

  private RunMarker(String token) {
    this.token = token;
  }

  /** A marker no other runner has (random, not derived from the pid: runners share a JVM). */
  static RunMarker random() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return new RunMarker(HexFormat.of().formatHex(bytes));
  }

  /** The variable's value for the {@code n}th command of this runner. */
  String valueFor(long command) {
    return token + ":" + command;
  }

  /** What every process of this runner has in its environment, up to the command number. */
  String runnerPrefix() {
    return VARIABLE + "=" + token + ":";
  }

  /** What every process of one command has in its environment, as a whole entry. */
  String commandEntry(long command) {
    return VARIABLE + "=" + valueFor(command);
  }

  /** The processes of this runner, whatever command started them. */
  Selection all() {
    return new Selection(runnerPrefix(), false);
  }

  /** The processes one command of this runner started, itself included. */
  Selection command(long command) {
    return new Selection(commandEntry(command), true);
  }

  /**
   * Processes whose environment has {@code entry} (as a whole entry, or as its start).
   *
   * @param entry e.g. {@code PARALLEL_AGENTS_RUN_TOKEN=<token>:}
   */
  record Selection(String entry, boolean whole) {

    /** The live processes selected. */
    List<ProcessHandle> find() {
      return RunMarker.find(entry, whole);
    }
  }

  private static List<ProcessHandle> find(String entry, boolean whole) {
    List<ProcessHandle> found = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    List<Long> pids = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
      dirs.forEach(dir -> pids.add(Long.parseLong(dir.getFileName().toString())));
    } catch (IOException | RuntimeException e) {
      return found; // no /proc (not Linux): the process groups still stop what stayed in them
    }
    // Newest first: a process that keeps replacing itself with a new copy lives a few
    // milliseconds; read last, it would be gone, and its copy not in the listing. Pids wrap
    // around (at 32768 on many machines, which a build's git calls pass often): the newest is
    // the one allocated last, not the largest.
    long last = lastPid();
    long max = pidMax();
    pids.sort(Comparator.comparingLong(pid -> Math.floorMod(last - pid, max)));
    for (long pid : pids) {
      if (pid == self) {
        continue;
      }
      Optional<byte[]> env = environ(pid);
      if (env.isPresent() && contains(env.get(), entry, whole) && !dead(pid)) {
        // The pid could be reused between the read and the signal; that window is microseconds.
        ProcessHandle.of(pid).ifPresent(found::add);
      }
    }
    return found;
  }

  /**
   * Whether the process has ended and only waits to be reaped (a zombie): nothing is left to stop,
   * and a sweep that kept seeing it would wait for it in vain.
   */
  private static boolean dead(long pid) {
    try {
      String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
      int afterName = stat.lastIndexOf(')');
      return afterName < 0 || stat.length() < afterName + 3 || stat.charAt(afterName + 2) == 'Z';
    } catch (IOException e) {
      return true; // gone meanwhile
    }
  }

  /** The pid the kernel allocated last (the fifth field of /proc/loadavg), or the largest. */
  private static long lastPid() {
    try {
      String[] fields = Files.readString(PROC.resolve("loadavg")).strip().split(" ");
      return Long.parseLong(fields[4]);
    } catch (IOException | RuntimeException e) {
      return -1; // every pid then sorts by size, largest first
    }
  }

  /** Where pids wrap around. */
  private static long pidMax() {
    try {
      return Long.parseLong(
          Files.readString(PROC.resolve("sys").resolve("kernel").resolve("pid_max")).strip());
    } catch (IOException | RuntimeException e) {
      return 1L << 22; // the kernel's largest
    }
  }

  private static Optional<byte[]> environ(long pid) {
    try {
      return Optional.of(Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ")));
    } catch (IOException e) {
      return Optional.empty(); // ended meanwhile, or another user's process
    }
  }

  /**
   * Whether one NUL-terminated entry of {@code environ} starts with (or, whole, is) {@code entry}.
   */
  static boolean contains(byte[] environ, String entry, boolean whole) {
    byte[] wanted = entry.getBytes(StandardCharsets.UTF_8);
    int start = 0;
    while (start < environ.length) {
      int end = start;
      while (end < environ.length && environ[end] != 0) {
        end++;
      }
      int length = end - start;
      if (length >= wanted.length && (!whole || length == wanted.length)) {
        boolean same = true;
        for (int i = 0; i < wanted.length && same; i++) {
          same = environ[start + i] == wanted[i];
        }
        if (same) {
          return true;
        }
      }
      start = end + 1;
    }
    return false;
  }
}
