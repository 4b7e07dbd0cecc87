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

  /**
   * Replaces the record of what was carried into {@code tree}: the paths, and the git blob id of
   * each one's content, read now, before any step ran, so that a copy under another name is known.
   */
  static void record(Path tree, List<String> paths) {
    Path record = record(tree);
    Path contents = contents(tree);
    try {
      Files.deleteIfExists(record);
      Files.deleteIfExists(contents);
      if (!paths.isEmpty()) {
        Files.writeString(
            record,
            String.join("\0", paths) + "\0",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW);
        Files.writeString(
            contents,
            CarriedContents.of(tree, paths).toRecord(),
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
    return copies(tree, start, commit)
        .map(
            copies ->
                "the agent committed "
                    + copies
                    + ", carried from the user's checkout where git ignores it; carried files"
                    + " never leave the task's tree, under any name");
  }

  /**
   * The files of the commits that hold a carried file's exact content under a name of their own
   * ({@code .env.example}, {@code .ENV}): the path check above cannot see those.
   */
  private Optional<String> copies(Path tree, String start, String commit) {
    CarriedContents carried = CarriedContents.read(contents(tree));
    if (carried.isEmpty()) {
      return Optional.empty();
    }
    // Every object the commits added, each blob with the first path it has there.
    List<String> lines =
        Arrays.asList(
            gitOutput(tree, List.of("rev-list", "--objects", start + ".." + commit)).split("\n"));
    List<String> found = new ArrayList<>();
    for (String line : lines) {
      int space = line.indexOf(' ');
      if (space > 0) {
        carried
            .pathOf(line.substring(0, space))
            .ifPresent(path -> found.add(line.substring(space + 1) + " (a copy of " + path + ")"));
      }
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", found));
  }

  private String gitOutput(Path dir, List<String> args) {
    CommandResult result = git.exec(dir, args);
    if (!result.ok()) {
      throw new GitException(args, result.stderr().strip());
    }
    return result.stdout();
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

  /** The content ids of what was carried, beside {@link #record(Path)}. */
  private static Path contents(Path tree) {
    Path absolute = tree.toAbsolutePath().normalize();
    return absolute.resolveSibling("." + absolute.getFileName() + ".carried-contents");
  }
}
