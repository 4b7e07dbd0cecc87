package io.jenkins.plugins.parallelagents.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a task's {@code .git} folder is still one the engine can run git in: a real folder with
 * no link anywhere inside (git writes through links: a {@code COMMIT_EDITMSG} linked to a file of
 * the user's would be overwritten by the engine's commit), and the parts git needs. A folder that
 * is not is set aside, so that no later git call of the engine can read its config or follow it.
 */
final class RepositoryLayout {

  private RepositoryLayout() {}

  /** What is wrong with {@code dotGit}, in the words of what the agent did; empty when nothing. */
  static Optional<String> problem(Path dotGit) {
    if (!Files.exists(dotGit, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of("the agent removed the task's repository (" + dotGit + ")");
    }
    if (!Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(
          "the agent replaced the task's repository ("
              + dotGit
              + " is "
              + (Files.isSymbolicLink(dotGit) ? "a link" : "a file")
              + ")");
    }
    Optional<Path> link = firstLink(dotGit);
    if (link.isPresent()) {
      return Optional.of(
          "the agent put a link in the task's repository ("
              + link.get()
              + "), which git would follow out of it");
    }
    for (String part : List.of("HEAD", "refs", "objects")) {
      if (!Files.exists(dotGit.resolve(part), LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(
            "the agent broke the task's repository (" + dotGit.resolve(part) + " is missing)");
      }
    }
    return Optional.empty();
  }

  /**
   * Moves a {@code .git} folder the engine will not use aside (kept for inspection), or deletes a
   * {@code .git} file or link: with no {@code .git} left, the engine's git, which never looks above
   * a tree, finds no repository there.
   */
  static void setAside(Path dotGit) {
    try {
      if (Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
        Path aside = dotGit.resolveSibling(".git.untrusted");
        TaskRepositories.remove(aside);
        Files.move(dotGit, aside);
      } else {
        Files.deleteIfExists(dotGit);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set aside " + dotGit, e);
    }
  }

  private static Optional<Path> firstLink(Path dotGit) {
    try (Stream<Path> paths = Files.walk(dotGit)) {
      return paths.filter(Files::isSymbolicLink).findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dotGit, e);
    }
  }
}
