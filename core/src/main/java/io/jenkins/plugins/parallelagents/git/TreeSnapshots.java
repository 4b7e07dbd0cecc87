package io.jenkins.plugins.parallelagents.git;

import io.jenkins.plugins.parallelagents.process.CommandResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Saves what a task's tree holds beyond its commits, before the tree is deleted: its edits,
 * deletions and new files (those its {@code .gitignore} does not ignore), as one commit on top of
 * the tree's HEAD, copied into the user's repository.
 *
 * <p>The tree is an agent's: it is made the engine's repository again ({@link
 * TaskRepositories#reclaim}) before any git call there, so no hook, filter driver, fsmonitor or
 * index flag it planted has a say; a repository the engine cannot use any more is set aside and the
 * files are read into a fresh one.
 */
public final class TreeSnapshots {

  /** Where a repository the engine set aside is kept; not the agent's work. */
  private static final String SET_ASIDE = ".git.untrusted";

  /** A ref in the tree, only so that its commit can be fetched by id. */
  private static final String FETCH_REF = "refs/parallel-agents/snapshot";

  private final TaskRepositories trees;
  private final Git git;

  /**
   * @param trees the task repositories of the user's repository
   * @param git the hardened git that {@code trees} uses
   */
  public TreeSnapshots(TaskRepositories trees, Git git) {
    this.trees = trees;
    this.git = git;
  }

  /**
   * What a tree held when it was saved.
   *
   * @param head the commit the tree had checked out (or {@code start} when its repository was gone)
   * @param uncommitted a commit of the tree's files on top of {@code head}, or {@code null} when
   *     the files are {@code head}'s
   * @param setAside why the tree's repository was set aside, or {@code null}
   */
  public record TreeState(String head, String uncommitted, String setAside) {}

  /**
   * Saves {@code tree}'s files into the user's repository (no ref there is set: the caller names
   * the commits it keeps).
   *
   * @param start the commit the tree started from, taken as its HEAD when its repository was
   *     removed, replaced or has no HEAD any more
   */
  public TreeState save(Path tree, String start, String message) {
    Path dotGit = tree.resolve(".git");
    Optional<String> broken =
        Files.exists(dotGit, LinkOption.NOFOLLOW_LINKS)
            ? trees.reclaim(dotGit)
            : Optional.of("the task's repository is gone");
    String head;
    if (broken.isPresent()) {
      adopt(tree);
      head = start;
      git.output(tree, "read-tree", start);
    } else {
      Optional<String> resolved = git.resolveCommit(tree, "HEAD");
      head = resolved.orElse(start);
      if (resolved.isPresent()) {
        trees.restoreIndex(tree, head);
      } else {
        git.output(tree, "read-tree", start);
      }
    }
    git.output(tree, "add", "--all", "--", ".", ":(exclude,top)" + SET_ASIDE);
    String files = git.output(tree, "write-tree");
    String uncommitted = null;
    if (!files.equals(git.output(tree, "rev-parse", "--verify", head + "^{tree}"))) {
      uncommitted = git.commitTree(tree, files, List.of(head), message);
    }
    copyToUser(tree, uncommitted != null ? uncommitted : head);
    return new TreeState(head, uncommitted, broken.orElse(null));
  }

  /** Makes a tree whose repository was set aside a repository of the engine's again. */
  private void adopt(Path tree) {
    Path absolute = tree.toAbsolutePath().normalize();
    git.output(absolute.getParent(), "init", "--quiet", "--template=", "--", absolute.toString());
    trees.writeAdministration(absolute.resolve(".git"));
  }

  /** Fetches {@code commit} from the tree into the user's repository, unless it is there. */
  private void copyToUser(Path tree, String commit) {
    Path source = trees.source();
    CommandResult known =
        git.exec(source, List.of("cat-file", "-e", "--end-of-options", commit + "^{commit}"));
    if (known.ok()) {
      return;
    }
    git.output(tree, "update-ref", FETCH_REF, commit);
    trees.fetchIntoSource(tree.resolve(".git"), commit);
  }
}
