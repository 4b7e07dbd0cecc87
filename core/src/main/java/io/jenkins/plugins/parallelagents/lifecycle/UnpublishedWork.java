package io.jenkins.plugins.parallelagents.lifecycle;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.TaskRepositories;
import io.jenkins.plugins.parallelagents.git.TreeSnapshots;
import io.jenkins.plugins.parallelagents.git.TreeSnapshots.TreeState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's work in one repository that no published branch holds, saved as snapshot refs ({@link
 * SnapshotRefs}) before the run's trees and branches go: what its trees hold uncommitted, and its
 * branches the targets do not contain. Wherever a run's folders are kept (the CLI's state root, a
 * CI node's workspace), its branches {@code agents/<run>/*} and trees are saved the same way.
 */
public final class UnpublishedWork {

  private final Git git;
  private final Path top;
  private final TreeSnapshots snapshots;

  /**
   * @param git a hardened git ({@code GitEnvironment.hardened}): the trees are agents' work
   * @param userRepository the top folder of the checkout that holds the run's branches
   */
  public UnpublishedWork(Git git, Path userRepository) {
    this.git = git;
    this.top = userRepository;
    this.snapshots = new TreeSnapshots(new TaskRepositories(git, userRepository), git);
  }

  /** The run's branches {@code agents/<run>/<name>}, by name. */
  public Map<String, String> branches(String runId) {
    return SnapshotStore.refsUnder(git, top, SnapshotRefs.runBranches(runId));
  }

  /**
   * The run's task and attempt trees: the folders in {@code runWorktrees} (the hidden files beside
   * them are the indexes the engine kept). A link is no tree: it is never followed.
   */
  public static List<Path> trees(Path runWorktrees) {
    Map<String, Path> sorted = new TreeMap<>();
    if (!Files.isDirectory(runWorktrees, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(
            runWorktrees,
            p ->
                Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    && !p.getFileName().toString().startsWith("."))) {
      entries.forEach(p -> sorted.put(p.getFileName().toString(), p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + runWorktrees, e);
    }
    return List.copyOf(sorted.values());
  }

  /** Whether one of {@code targets} contains {@code commit}. */
  public boolean contained(String commit, List<String> targets) {
    for (String target : targets) {
      if (git.isAncestor(top, commit, target)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Saves what the trees hold beyond their branches, and the branches the targets do not contain,
   * as snapshot refs of the run.
   *
   * @param branches the run's branches, as {@link #branches} gave them
   * @param base the commit a tree without a branch started from
   * @param targets the commits that count as published
   * @return the work saved, one entry per snapshot ref set
   */
  public List<SavedWork> save(
      String runId,
      List<Path> trees,
      Map<String, String> branches,
      String base,
      List<String> targets) {
    List<SavedWork> saved = new ArrayList<>();
    for (Path tree : trees) {
      String name = tree.getFileName().toString();
      String start = branches.getOrDefault(name, base);
      TreeState state =
          snapshots.save(tree, start, "Uncommitted work of " + name + " in run " + runId);
      // Commits the agent made in the tree after the engine took its branch are kept with it;
      // a tree still at the commit it started from holds no commit of its own.
      String head = state.head();
      boolean headKept = contained(head, targets) || head.equals(start);
      if (state.uncommitted() != null || !headKept) {
        String commit = state.uncommitted() != null ? state.uncommitted() : head;
        String ref = SnapshotRefs.uncommitted(runId, name);
        setRef(ref, commit);
        saved.add(new SavedWork(ref, commit, "uncommitted changes of " + name));
      }
    }
    branches.forEach(
        (name, commit) -> {
          if (!contained(commit, targets)) {
            SavedWork work = branchWork(runId, name, commit);
            setRef(work.ref(), commit);
            saved.add(work);
          }
        });
    saved.addAll(earlierTries(runId, branches.keySet(), targets));
    return saved;
  }

  /**
   * The earlier tries of tasks a host ran again ({@link SnapshotRefs#retried}), kept while the run
   * went on: recorded with the rest of its saved work so that they expire with it, or dropped when
   * a target holds them.
   */
  private List<SavedWork> earlierTries(
      String runId, java.util.Set<String> branchNames, List<String> targets) {
    List<SavedWork> kept = new ArrayList<>();
    SnapshotStore.refsUnder(git, top, SnapshotRefs.ofRun(runId))
        .forEach(
            (name, commit) -> {
              if (!SnapshotRefs.isRetried(name) || branchNames.contains(name)) {
                return;
              }
              String ref = SnapshotRefs.ofRun(runId) + "/" + name;
              if (contained(commit, targets)) {
                git.output(top, "update-ref", "-d", ref, commit);
              } else {
                kept.add(new SavedWork(ref, commit, "earlier try " + name));
              }
            });
    return kept;
  }

  /**
   * Deletes the run's branches, each only if it still is where it was listed; a branch someone
   * checked out is theirs now, and is left where it is.
   */
  public void removeBranches(String runId, Map<String, String> branches) {
    List<String> checkedOut = git.checkedOutBranches(top);
    branches.forEach(
        (name, commit) -> {
          String branch = "agents/" + runId + "/" + name;
          if (!checkedOut.contains(branch)) {
            git.compareAndSetBranch(top, branch, null, commit);
          }
        });
  }

  static SavedWork branchWork(String runId, String name, String commit) {
    return new SavedWork(
        SnapshotRefs.branch(runId, name),
        commit,
        "unpublished branch agents/" + runId + "/" + name);
  }

  private void setRef(String ref, String commit) {
    git.output(top, "update-ref", "-m", "parallel-agents: clean", ref, commit);
  }
}
