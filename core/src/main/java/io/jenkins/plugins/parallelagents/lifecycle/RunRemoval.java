package io.jenkins.plugins.parallelagents.lifecycle;

import io.jenkins.plugins.parallelagents.database.DatabaseCleanup;
import io.jenkins.plugins.parallelagents.database.DatabaseException;
import io.jenkins.plugins.parallelagents.database.DatabaseLedger;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.TaskRepositories;
import io.jenkins.plugins.parallelagents.lifecycle.CleanedRun.Action;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
  private final UnpublishedWork work;
  private final SnapshotArchive archive;

  RunRemoval(StateRoot root, Git git, Path userRepository) {
    this.root = root;
    this.git = git;
    this.top = userRepository;
    this.work = new UnpublishedWork(git, userRepository);
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
                saved.add(UnpublishedWork.branchWork(run.id(), name, commit));
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
    try {
      DatabaseCleanup.drop(new DatabaseLedger(root.databaseLedger(run.id())), git.runner());
    } catch (DatabaseException e) {
      // Its ledger stays with the run, so the next clean tries again.
      return new CleanedRun(
          run.id(),
          Action.KEEP,
          "its databases could not be dropped, so nothing of it was removed: " + e.getMessage(),
          saved,
          false);
    }
    for (Path tree : trees(run.id())) {
      TaskRepositories.delete(tree);
    }
    TaskRepositories.remove(root.worktrees(run.id()));
    work.removeBranches(run.id(), branches(run.id()));
    TaskRepositories.remove(run.folder());
    return new CleanedRun(run.id(), Action.REMOVE, reason, saved, false);
  }

  private List<SavedWork> save(RunEntry run) {
    return work.save(
        run.id(),
        trees(run.id()),
        branches(run.id()),
        run.report().run().base().commit(),
        targets(run.report()));
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
    return work.contained(commit, targets);
  }

  private Map<String, String> branches(String runId) {
    return work.branches(runId);
  }

  private List<Path> trees(String runId) {
    return UnpublishedWork.trees(root.worktrees(runId));
  }
}
