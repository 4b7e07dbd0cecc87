package io.jenkins.plugins.parallelagents.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's temporary folder: repositories, plans, logs and each run's worktrees, never
 * anything in the checkout. Removed at the end.
 *
 * <p>By default it is made in {@code /dev/shm} (memory) where there is one: on a virtual disk,
 * writing the thousands of small files of each worktree can take a hundred times longer than the
 * same work in memory, and the benchmark would measure the disk rather than the engine.
 */
final class Workspace implements AutoCloseable {

  private final Path root;
  private final Processes processes;
  private final Thread removeOnExit;
  private int runs;

  Workspace(Path parent) throws IOException {
    this.root = Files.createTempDirectory(parent, "parallel-agents-bench");
    Files.createDirectories(root.resolve("home"));
    Files.writeString(root.resolve("home/.gitconfig"), "");
    this.processes = new Processes(root.resolve("home"));
    // Gigabytes of worktrees in memory must not outlive a benchmark stopped with Ctrl-C.
    this.removeOnExit = new Thread(this::removeQuietly, "remove-" + root.getFileName());
    Runtime.getRuntime().addShutdownHook(removeOnExit);
  }

  private void removeQuietly() {
    try {
      delete(root);
    } catch (IOException e) {
      // the JVM is going away; the folder's name says what it was
    }
  }

  /** {@code /dev/shm} when it is there to write in, else the system's temporary folder. */
  static Path defaultParent() {
    Path memory = Path.of("/dev/shm");
    if (Files.isDirectory(memory) && Files.isWritable(memory)) {
      return memory;
    }
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  Path root() {
    return root;
  }

  Processes processes() {
    return processes;
  }

  Path dir(String name) throws IOException {
    return Files.createDirectories(root.resolve(name));
  }

  /** A fresh, empty folder for one measured run's worktrees or state. */
  Path scratch() throws IOException {
    return Files.createDirectories(root.resolve("scratch").resolve("run-" + ++runs));
  }

  /** Deletes what the runs so far left; rm is several times faster than a Java file walk. */
  void clearScratch() throws IOException {
    delete(root.resolve("scratch"));
  }

  private void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      processes.output(root, List.of("rm", "-rf", dir.toString()));
    }
  }

  @Override
  public void close() throws IOException {
    Runtime.getRuntime().removeShutdownHook(removeOnExit);
    delete(root);
  }
}
