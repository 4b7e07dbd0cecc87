package io.jenkins.plugins.parallelagents.git;

import io.jenkins.plugins.parallelagents.process.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps what a task's {@code setup} command changed out of the agent's commit: the task's diff
 * starts after setup. A rewritten lockfile or a generated file is setup's doing, not the agent's,
 * and committing it would make every task of a plan conflict on the same lockfile.
 *
 * <p>After setup, {@link #record} writes the tree as setup left it (tracked changes and new files
 * that are not ignored) as a git tree object, through a scratch index so that the repository's own
 * index stays as checked out. When the engine commits the agent's work, {@link #leaveOut} unstages
 * every path setup changed whose content the agent left as setup made it; a path the agent changed
 * after setup is the agent's and is committed. The record lives beside the tree, where a sandboxed
 * agent cannot write, and holds only object ids: an agent that forged it could only keep its own
 * work out of its commit.
 */
public final class SetupSnapshot {

  private final Git git;

  public SetupSnapshot(Git git) {
    this.git = git;
  }

  /**
   * Records what setup changed in {@code tree} since {@code start}; records nothing when setup left
   * the tree as checked out.
   */
  public void record(Path tree, String start) {
    Path record = record(tree);
    Path scratch = sibling(tree, ".setup-index");
    try {
      Files.deleteIfExists(record);
      Files.deleteIfExists(scratch);
      Path index = tree.resolve(".git").resolve("index");
      // Starting from the checkout's index, git hashes only the files whose stat data changed.
      if (Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)) {
        // With the index's time, or git would trust a same-size edit made in its second.
        Files.copy(index, scratch, StandardCopyOption.COPY_ATTRIBUTES);
      }
      git.outputWithIndex(tree, scratch, "add", "-A");
      String snapshot = git.outputWithIndex(tree, scratch, "write-tree").strip();
      if (!changed(tree, start, snapshot).isEmpty()) {
        Files.writeString(
            record,
            start + "\n" + snapshot + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record what setup changed in " + tree, e);
    } finally {
      deleteQuietly(scratch);
    }
  }

  /**
   * Called once the agent's work is staged, before it is committed: puts every path that setup
   * changed and the agent did not change afterwards back in the index as the branch has it. Returns
   * those paths, in git's order; empty when setup changed nothing.
   */
  public List<String> leaveOut(Path tree) {
    Path record = record(tree);
    if (!Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    String[] ids;
    try {
      ids = Files.readString(record, StandardCharsets.UTF_8).strip().split("\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + record, e);
    }
    String start = ids[0];
    String snapshot = ids[1];
    Set<String> agents =
        new HashSet<>(
            paths(
                tree,
                "diff-index",
                "--cached",
                "--name-only",
                "-z",
                "--no-renames",
                snapshot,
                "--"));
    List<String> setups = new ArrayList<>();
    for (String path : changed(tree, start, snapshot)) {
      if (!agents.contains(path)) {
        setups.add(path);
      }
    }
    if (!setups.isEmpty()) {
      unstage(tree, setups);
    }
    return List.copyOf(setups);
  }

  /** Forgets what setup changed: a tree made again starts without a record. */
  public static void forget(Path tree) {
    deleteQuietly(record(tree));
  }

  private List<String> changed(Path tree, String from, String to) {
    return paths(tree, "diff-tree", "-r", "--name-only", "-z", "--no-renames", from, to, "--");
  }

  /**
   * Resets {@code paths} in the index to the branch's commit, read from a file: there may be more
   * of them (a generated folder that is not ignored) than a command line holds.
   */
  private void unstage(Path tree, List<String> paths) {
    Path list = sibling(tree, ".setup-paths");
    try {
      Files.deleteIfExists(list);
      Files.writeString(
          list,
          String.join("\0", paths) + "\0",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW);
      git.output(
          tree,
          "--literal-pathspecs",
          "reset",
          "--quiet",
          "--pathspec-from-file=" + list.toAbsolutePath(),
          "--pathspec-file-nul",
          "HEAD");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the paths setup changed in " + tree, e);
    } finally {
      deleteQuietly(list);
    }
  }

  /** Git's NUL-separated list of paths, untrimmed: a file name may end with a space. */
  private List<String> paths(Path tree, String... args) {
    CommandResult result = git.exec(tree, Arrays.asList(args));
    if (!result.ok()) {
      throw new GitException(Arrays.asList(args), result.stderr().strip());
    }
    return Arrays.stream(result.stdout().split("\0")).filter(p -> !p.isEmpty()).toList();
  }

  private static Path record(Path tree) {
    return sibling(tree, ".setup");
  }

  /** A file next to the tree, out of a sandboxed agent's reach, as the kept index is. */
  private static Path sibling(Path tree, String suffix) {
    Path absolute = tree.toAbsolutePath().normalize();
    return absolute.resolveSibling("." + absolute.getFileName() + suffix);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover scratch file is overwritten by the next record
    }
  }
}
