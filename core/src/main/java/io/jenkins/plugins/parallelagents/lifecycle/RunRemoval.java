package io.jenkins.plugins.parallelagents.lifecycle;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.TaskRepositories;
import io.jenkins.plugins.parallelagents.git.TreeSnapshots;
import io.jenkins.plugins.parallelagents.git.TreeSnapshots.TreeState;
import io.jenkins.plugins.parallelagents.lifecycle.CleanedRun.Action;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Removes one finished run without losing work: what its trees hold uncommitted and its branches
 * the target does not contain become snapshot refs ({@link SnapshotRefs}) first; then its trees,
 * its branches {@code agents/<run>/*} and its folder go, its reports kept in the archive as long as
 * the snapshots. When anything cannot be saved, nothing of the run is removed.
 */
final class RunRemoval {

  private final StateRoot root;
  private final Git git;
  private final Path top;
  private final TreeSnapshots snapshots;
  private final SnapshotArchive archive;

  RunRemoval(StateRoot root, Git git, Path userRepository) {
    this.root = root;
    this.git = git;
    this.top = userRepository;
    this.snapshots = new TreeSnapshots(new TaskRepositories(git, userRepository), git);
    this.archive = new SnapshotArchive(root);
  }

  /** What removing the run would save, changing nothing. */
  CleanedRun preview(RunEntry run, String reason) {
    List<SavedWork> saved = new ArrayList<>();
    List<String> targets = targets(run.report());
    branches(run.id())
        .forEach(
            (name, commit) -> {
              if (!contained(commit, targets)) {
                saved.add(branchWork(run.id(), name, commit));
              }
            });
    for (Path tree : trees(run.id())) {
      String name = tree.getFileName().toString();
      saved.add(
          new SavedWork(
              SnapshotRefs.uncommitted(run.id(), name),
              null,
              "uncommitted changes of " + name + ", if any"));
    }
    return new CleanedRun(run.id(), Action.REMOVE, reason, saved, true);
  }

  /** Saves the run's work, then removes it; a run whose work cannot be saved is kept. */
  CleanedRun remove(RunEntry run, String reason, Instant now) {
    List<SavedWork> saved;
    try {
      saved = save(run);
      if (!saved.isEmpty()) {
        archive.archive(run, now, saved);
      }
    } catch (IOException | RuntimeException e) {
      return new CleanedRun(
          run.id(),
          Action.KEEP,
          "its work could not be saved, so nothing of it was removed: " + e.getMessage(),
          List.of(),
          false);
    }
    for (Path tree : trees(run.id())) {
      TaskRepositories.delete(tree);
    }
    TaskRepositories.remove(root.worktrees(run.id()));
    List<String> checkedOut = git.checkedOutBranches(top);
    branches(run.id())
        .forEach(
            (name, commit) -> {
              String branch = "agents/" + run.id() + "/" + name;
              // A branch someone checked out is theirs now; it is saved, but left where it is.
              if (!checkedOut.contains(branch)) {
                git.compareAndSetBranch(top, branch, null, commit);
              }
            });
    TaskRepositories.remove(run.folder());
    return new CleanedRun(run.id(), Action.REMOVE, reason, saved, false);
  }

  private List<SavedWork> save(RunEntry run) {
    List<SavedWork> saved = new ArrayList<>();
    List<String> targets = targets(run.report());
    Map<String, String> branches = branches(run.id());
    for (Path tree : trees(run.id())) {
      String name = tree.getFileName().toString();
      String start = branches.getOrDefault(name, run.report().run().base().commit());
      TreeState state =
          snapshots.save(tree, start, "Uncommitted work of " + name + " in run " + run.id());
      // Commits the agent made in the tree after the engine took its branch are kept with it.
      String head = state.head();
      boolean headKept = contained(head, targets) || head.equals(branches.get(name));
      if (state.uncommitted() != null || !headKept) {
        String commit = state.uncommitted() != null ? state.uncommitted() : head;
        String ref = SnapshotRefs.uncommitted(run.id(), name);
        setRef(ref, commit);
        saved.add(new SavedWork(ref, commit, "uncommitted changes of " + name));
      }
    }
    branches.forEach(
        (name, commit) -> {
          if (!contained(commit, targets)) {
            SavedWork work = branchWork(run.id(), name, commit);
            setRef(work.ref(), commit);
            saved.add(work);
          }
        });
    return saved;
  }

  private static SavedWork branchWork(String runId, String name, String commit) {
    return new SavedWork(
        SnapshotRefs.branch(runId, name),
        commit,
        "unpublished branch agents/" + runId + "/" + name);
  }

  private void setRef(String ref, String commit) {
    git.output(top, "update-ref", "-m", "parallel-agents: clean", ref, commit);
  }

  /**
   * The commit that counts as published: where the run's target branch is in the user's repository
   * now. Not the commit the run published: a later run may have moved the target past it, leaving
   * it in no branch.
   */
  private List<String> targets(RunReport report) {
    PublishReport publish = report.publish();
    String branch =
        publish != null && publish.branch() != null ? publish.branch() : report.run().target();
    if (branch == null) {
      return List.of();
    }
    return git.resolveCommit(top, "refs/heads/" + branch).stream().toList();
  }

  private boolean contained(String commit, List<String> targets) {
    for (String target : targets) {
      if (git.isAncestor(top, commit, target)) {
        return true;
      }
    }
    return false;
  }

  /** The run's branches {@code agents/<run>/<name>}, by name. */
  private Map<String, String> branches(String runId) {
    return SnapshotStore.refsUnder(git, top, SnapshotRefs.runBranches(runId));
  }

  /**
   * The run's task and attempt trees: its folders under {@code worktrees/<run>} (the hidden files
   * beside them are the indexes the engine kept).
   */
  private List<Path> trees(String runId) {
    Path folder = root.worktrees(runId);
    Map<String, Path> sorted = new TreeMap<>();
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(
            folder,
            p ->
                Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    && !p.getFileName().toString().startsWith("."))) {
      entries.forEach(p -> sorted.put(p.getFileName().toString(), p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder, e);
    }
    return List.copyOf(sorted.values());
  }
}
