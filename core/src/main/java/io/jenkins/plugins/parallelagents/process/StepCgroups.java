package io.jenkins.plugins.parallelagents.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A control group (Linux cgroup v2) per step, under one per runner: the net no process escapes.
 * Every process a step starts is born in the step's group, and only a process allowed to write to
 * the control group files can leave it; killing the group ({@code cgroup.kill}) kills every member
 * at once, in the kernel, with no scan to outrun. A process that cleared its environment (losing
 * the {@link RunMarker}), started a session of its own and was re-parented away is found by no
 * other net, and one that keeps starting copies of itself can outrun a scan.
 *
 * <p>Only where the JVM may create groups under its own (run as root, or in a group delegated to
 * its user, as systemd does for user services) and the kernel has {@code cgroup.kill} (Linux 5.14);
 * elsewhere {@link #create} is empty and the other nets stand alone.
 */
final class StepCgroups {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final long POLL_MS = 10;
  private static final long EMPTY_WAIT_MS = 10_000;

  /**
   * Moves the shell into the group its first argument names, then runs the rest of its arguments in
   * its place. A group it cannot join (removed meanwhile) does not stop the step: the other nets
   * still stand.
   */
  private static final String ENTER = "{ echo $$ > \"$0/cgroup.procs\"; } 2>/dev/null; exec \"$@\"";

  private final Path root;
  private final String shell;

  private StepCgroups(Path root, String shell) {
    this.root = root;
    this.shell = shell;
  }

  /**
   * A runner's group, created under the JVM's own; empty when this machine does not allow it.
   *
   * @param shell the {@code sh} that moves each step into its group
   */
  static Optional<StepCgroups> create(Path shell) {
    Optional<Path> own = ownGroup();
    if (own.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    Path root = own.get().resolve("parallel-agents-" + HexFormat.of().formatHex(bytes));
    try {
      Files.createDirectory(root);
    } catch (IOException | SecurityException e) {
      return Optional.empty(); // not ours to divide: the other nets stand alone
    }
    // The root group has no kill file of its own, so the new group is the one to ask.
    if (!Files.isRegularFile(root.resolve("cgroup.kill"))) {
      remove(root); // a kernel older than 5.14
      return Optional.empty();
    }
    return Optional.of(new StepCgroups(root, shell.toString()));
  }

  /** The runner's group, which holds every step's. */
  Path root() {
    return root;
  }

  /** A new group for the {@code n}th command, or empty when it cannot be made. */
  Optional<Path> forCommand(long command) {
    Path group = root.resolve("step-" + command);
    try {
      Files.createDirectory(group);
      return Optional.of(group);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** {@code argv} run from inside {@code group}. */
  List<String> enter(Path group, List<String> argv) {
    List<String> wrapped = new ArrayList<>(List.of(shell, "-c", ENTER, group.toString()));
    wrapped.addAll(argv);
    return wrapped;
  }

  /**
   * Kills every process in {@code group} and its sub-groups, waits until it is empty (bounded), and
   * removes the groups it can.
   */
  static void kill(Path group) {
    if (!Files.isDirectory(group)) {
      return;
    }
    try {
      Files.writeString(group.resolve("cgroup.kill"), "1", StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return; // removed meanwhile: nothing is left in it
    }
    long deadline = System.currentTimeMillis() + EMPTY_WAIT_MS;
    while (populated(group) && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(POLL_MS); // the kernel reaps killed processes asynchronously
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    remove(group);
  }

  /** Kills what is left in the runner's group and removes it. */
  void close() {
    kill(root);
  }

  private static boolean populated(Path group) {
    try {
      return Files.readAllLines(group.resolve("cgroup.events")).contains("populated 1");
    } catch (IOException e) {
      return false;
    }
  }

  /** Removes an empty group and its empty sub-groups; a group still in use stays. */
  private static void remove(Path group) {
    try (DirectoryStream<Path> children = Files.newDirectoryStream(group, Files::isDirectory)) {
      for (Path child : children) {
        remove(child);
      }
    } catch (IOException e) {
      return;
    }
    try {
      Files.deleteIfExists(group);
    } catch (IOException e) {
      // still populated after the wait: the kernel keeps it, and removing it later is harmless
    }
  }

  /** The JVM's own group on the cgroup v2 hierarchy, from {@code /proc/self}. */
  private static Optional<Path> ownGroup() {
    try {
      Optional<Path> mount = v2Mount();
      if (mount.isEmpty()) {
        return Optional.empty();
      }
      for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
        if (line.startsWith("0::")) {
          String path = line.substring(3);
          return Optional.of(mount.get().resolve(path.startsWith("/") ? path.substring(1) : path));
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not Linux
    }
  }

  /** Where the cgroup v2 hierarchy is mounted: {@code /sys/fs/cgroup}, or beside v1 groups. */
  private static Optional<Path> v2Mount() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
      // id parent major:minor root mount-point options ... - type source super-options
      String[] sides = line.split(" - ", 2);
      String[] fields = sides[0].split(" ");
      if (sides.length == 2 && sides[1].startsWith("cgroup2 ") && fields.length > 4) {
        // A mount of a sub-tree (a container's view) names its groups from that sub-tree.
        return "/".equals(fields[3]) ? Optional.of(Path.of(fields[4])) : Optional.empty();
      }
    }
    return Optional.empty();
  }
}
