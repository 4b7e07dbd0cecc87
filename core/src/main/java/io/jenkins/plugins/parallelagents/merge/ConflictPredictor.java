package io.jenkins.plugins.parallelagents.merge;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Predicts which task branches will conflict, before any merge, by merging every pair in memory
 * with {@code git merge-tree --write-tree} (no worktree, nothing written to any branch).
 */
public final class ConflictPredictor {

  private final Git git;

  public ConflictPredictor(Git git) {
    this.git = git;
  }

  /** Checks each pair of branches, in the order given. */
  public List<PredictedConflict> predict(Path repo, List<TaskBranch> branches) {
    List<PredictedConflict> found = new ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      for (int j = i + 1; j < branches.size(); j++) {
        PredictedConflict conflict = predict(repo, branches.get(i), branches.get(j));
        if (conflict != null) {
          found.add(conflict);
        }
      }
    }
    return found;
  }

  private PredictedConflict predict(Path repo, TaskBranch a, TaskBranch b) {
    CommandResult result =
        git.exec(
            repo,
            List.of(
                "merge-tree",
                "--write-tree",
                "--name-only",
                "--no-messages",
                a.commit(),
                b.commit()));
    if (result.exitCode() != 1) {
      return null; // 0: clean; anything else (unrelated histories, ...) is left to the real merge
    }
    String[] lines = result.stdout().strip().split("\n");
    List<String> files = Arrays.stream(lines).skip(1).filter(l -> !l.isBlank()).distinct().toList();
    return new PredictedConflict(a.taskId(), b.taskId(), files);
  }
}
