package io.jenkins.plugins.parallelagents.merge;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.TouchedPaths;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Predicts which task branches will conflict, before any merge, by merging every pair in memory
 * with {@code git merge-tree --write-tree} (no worktree, nothing written to any branch).
 *
 * <p>Pairs are many (n² / 2), so two shortcuts keep this from growing into the run's longest phase:
 * a pair whose branches touched no common file (see {@link TouchedPaths#mayConflictWith}) merges
 * cleanly and is not given to git at all, and the pairs that are run side by side.
 */
public final class ConflictPredictor {

  private final Git git;
  private final int threads;
  private final Predicate<List<String>> regenerable;

  /** A predictor that runs one {@code git merge-tree} at a time. */
  public ConflictPredictor(Git git) {
    this(git, 1);
  }

  /**
   * @param threads how many {@code git merge-tree} may run at once
   */
  public ConflictPredictor(Git git, int threads) {
    this(git, threads, files -> false);
  }

  /**
   * @param regenerable whether a conflict in these files is settled by regenerating them (see
   *     {@link ConflictRegenerator#covers}), which marks the predicted conflict
   */
  public ConflictPredictor(Git git, int threads, Predicate<List<String>> regenerable) {
    this.git = git;
    this.threads = Math.max(1, threads);
    this.regenerable = regenerable;
  }

  /** Checks every pair of branches with git; results in the order of the pairs. */
  public List<PredictedConflict> predict(Path repo, List<TaskBranch> branches) {
    return predict(repo, branches, null);
  }

  /**
   * Checks one pair with git, {@code a} before {@code b}.
   *
   * @return their conflict, or empty when they merge cleanly or git cannot tell (unrelated
   *     histories, ...): the real merge decides then
   */
  public Optional<PredictedConflict> predictPair(Path repo, TaskBranch a, TaskBranch b) {
    return Optional.ofNullable(predict(repo, a, b));
  }

  /**
   * Checks the pairs that may conflict; results in the order of the pairs.
   *
   * @param touched what each branch changed since the integration start, or {@code null} to check
   *     every pair with git
   */
  public List<PredictedConflict> predict(
      Path repo, List<TaskBranch> branches, Function<TaskBranch, TouchedPaths> touched) {
    List<TouchedPaths> changes = touched == null ? null : branches.stream().map(touched).toList();
    List<TaskBranch[]> pairs = new ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      for (int j = i + 1; j < branches.size(); j++) {
        if (changes == null || changes.get(i).mayConflictWith(changes.get(j))) {
          pairs.add(new TaskBranch[] {branches.get(i), branches.get(j)});
        }
      }
    }
    if (pairs.size() <= 1 || threads == 1) {
      return pairs.stream().map(p -> predict(repo, p[0], p[1])).filter(Objects::nonNull).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, pairs.size()));
    try {
      List<CompletableFuture<PredictedConflict>> results =
          pairs.stream()
              .map(p -> CompletableFuture.supplyAsync(() -> predict(repo, p[0], p[1]), pool))
              .toList();
      return results.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList();
    } finally {
      pool.shutdown();
    }
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
    return new PredictedConflict(a.taskId(), b.taskId(), files, regenerable.test(files));
  }
}
