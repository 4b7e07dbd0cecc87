package io.jenkins.plugins.parallelagents.bench;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitEnvironment;
import io.jenkins.plugins.parallelagents.git.TaskRepositories;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a task's own repository costs against a worktree of the user's repository, per task: made
 * from the start commit and checked out, one file written and committed, and the result made a
 * branch of the user's repository (for a worktree that branch is already there; a task repository
 * is checked and its commit fetched). The git work of both goes through the engine's own {@link
 * Git}, so that process starts cost both sides the same.
 */
final class TreeMeasurement {

  /** Medians over the pairs, in milliseconds per task, and the median of the pairs' ratios. */
  record Result(int pairs, long worktreeMs, long repositoryMs, double ratio) {}

  private static final Map<String, String> AUTHOR =
      Map.of(
          "GIT_AUTHOR_NAME", "Bench",
          "GIT_AUTHOR_EMAIL", "bench@localhost",
          "GIT_COMMITTER_NAME", "Bench",
          "GIT_COMMITTER_EMAIL", "bench@localhost");

  private final Workspace workspace;

  TreeMeasurement(Workspace workspace) {
    this.workspace = workspace;
  }

  Result measure(SyntheticRepository repository, int repetitions) throws IOException {
    Map<String, String> engine = GitEnvironment.forEngine(workspace.processes().environment());
    LocalCommandRunner runner = new LocalCommandRunner(engine);
    Git worktreeGit = new Git(runner, AUTHOR);
    Git hardened = new Git(runner, GitEnvironment.hardened(engine, AUTHOR));
    Path repo = repository.dir();
    String start = worktreeGit.head(repo);
    TaskRepositories trees = new TaskRepositories(hardened, repo);
    Path dir = workspace.dir("trees");
    List<Long> worktrees = new ArrayList<>();
    List<Long> repositories = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    // One unmeasured pair first: the first checkout pays for a cold page cache.
    for (int i = 0; i <= repetitions; i++) {
      long a = worktree(worktreeGit, repo, dir.resolve("w" + i), "bench/w" + i, start);
      long b = repository(hardened, trees, dir.resolve("r" + i), "bench/r" + i, start);
      if (i > 0) {
        worktrees.add(a);
        repositories.add(b);
        ratios.add((double) b / a);
      }
    }
    return new Result(
        repetitions, Stats.median(worktrees), Stats.median(repositories), Stats.medianOf(ratios));
  }

  private static long worktree(Git git, Path repo, Path tree, String branch, String start)
      throws IOException {
    long t0 = System.nanoTime();
    git.output(
        repo, "worktree", "add", "--quiet", "--no-checkout", "-b", branch, tree.toString(), start);
    git.output(tree, "reset", "--hard", "--quiet");
    work(git, tree);
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** In the engine's order: the agent's work, the check, the engine's commit, the fetch. */
  private static long repository(
      Git git, TaskRepositories trees, Path tree, String branch, String start) throws IOException {
    long t0 = System.nanoTime();
    trees.create(tree, branch, start);
    Files.writeString(tree.resolve("task-output.txt"), tree.getFileName() + "\n");
    if (trees.check(tree, branch, start).isPresent()) {
      throw new IOException("the task repository " + tree + " did not pass its check");
    }
    git.commitAll(tree, "task (bench)");
    if (trees.collect(tree, git.head(tree), branch, start).isPresent()) {
      throw new IOException("the task repository " + tree + " could not be collected");
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** The task's work: one new file, committed as the engine commits what an agent left. */
  private static void work(Git git, Path tree) throws IOException {
    Files.writeString(tree.resolve("task-output.txt"), tree.getFileName() + "\n");
    git.commitAll(tree, "task (bench)");
  }
}
