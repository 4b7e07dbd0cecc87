package io.jenkins.plugins.parallelagents.carry;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitException;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the files carried into a tree out of its commits. They are ignored in the tree as in the
 * user's checkout, but an agent may edit {@code .gitignore}, force-add them or commit them itself:
 * the engine does not rely on the ignore rules. The list of what was carried lives beside the tree,
 * where a sandboxed agent cannot write, as {@link
 * io.jenkins.plugins.parallelagents.git.SetupSnapshot}'s record does.
 */
public final class CarriedFiles {

  private final Git git;

  public CarriedFiles(Git git) {
    this.git = git;
  }

  /** The paths carried into {@code tree}, relative to its top; empty when nothing was. */
  public static List<String> recorded(Path tree) {
    Path record = record(tree);
    if (!Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try {
      return Arrays.stream(Files.readString(record, StandardCharsets.UTF_8).split("\0"))
          .filter(p -> !p.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + record, e);
    }
  }

  /** Replaces the record of what was carried into {@code tree}. */
  static void record(Path tree, List<String> paths) {
    Path record = record(tree);
    try {
      Files.deleteIfExists(record);
      if (!paths.isEmpty()) {
        Files.writeString(
            record,
            String.join("\0", paths) + "\0",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record what was carried into " + tree, e);
    }
  }

  /**
   * Called once the agent's work is staged, before the engine commits it: takes every carried path
   * out of the index again, whatever the tree's ignore rules say by then. Returns the paths that
   * had been staged.
   */
  public List<String> leaveOut(Path tree) {
    List<String> carried = recorded(tree);
    if (carried.isEmpty()) {
      return List.of();
    }
    List<String> staged = new ArrayList<>();
    for (List<String> batch : batches(carried)) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--literal-pathspecs", "diff", "--cached", "--name-only", "-z", "HEAD", "--"));
      args.addAll(batch);
      staged.addAll(paths(tree, args));
    }
    for (List<String> batch : batches(staged)) {
      List<String> args =
          new ArrayList<>(List.of("--literal-pathspecs", "reset", "--quiet", "HEAD", "--"));
      args.addAll(batch);
      paths(tree, args);
    }
    return List.copyOf(staged);
  }

  /**
   * Why the commits from {@code start} to {@code commit} cannot leave the tree, or empty when they
   * can: one of them holds a carried path, which the agent committed itself. Every commit counts,
   * not only the last tree: the history is fetched with the commit.
   */
  public Optional<String> committed(Path tree, String start, String commit) {
    List<String> carried = recorded(tree);
    for (List<String> batch : batches(carried)) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--literal-pathspecs",
                  "log",
                  "--full-history",
                  "--format=",
                  "--name-only",
                  "-z",
                  start + ".." + commit,
                  "--"));
      args.addAll(batch);
      List<String> found = paths(tree, args).stream().distinct().toList();
      if (!found.isEmpty()) {
        return Optional.of(
            "the agent committed "
                + String.join(", ", found)
                + ", carried from the user's checkout where git ignores it; carried files never"
                + " leave the task's tree");
      }
    }
    return Optional.empty();
  }

  private static List<List<String>> batches(List<String> paths) {
    List<List<String>> batches = new ArrayList<>();
    for (int from = 0; from < paths.size(); from += 500) {
      batches.add(paths.subList(from, Math.min(paths.size(), from + 500)));
    }
    return batches;
  }

  private List<String> paths(Path dir, List<String> args) {
    CommandResult result = git.exec(dir, args);
    if (!result.ok()) {
      throw new GitException(args, result.stderr().strip());
    }
    return Arrays.stream(result.stdout().split("\0")).filter(p -> !p.isEmpty()).toList();
  }

  /** A file next to the tree, out of a sandboxed agent's reach. */
  private static Path record(Path tree) {
    Path absolute = tree.toAbsolutePath().normalize();
    return absolute.resolveSibling("." + absolute.getFileName() + ".carried");
  }
}
