package io.jenkins.plugins.parallelagents.git;

import io.jenkins.plugins.parallelagents.process.CommandRequest;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The git command line, through the run's {@link CommandRunner}. Worktrees, merges and conflict
 * prediction need the real git (merge-ort is rename aware); each method is one git call.
 */
public final class Git {

  private final CommandRunner runner;
  private final Map<String, String> environment;

  /**
   * Git commands that create or read the repository's list of worktrees ({@code .git/worktrees})
   * fail when another one is half-way through adding an entry ("failed to read .../commondir"), so
   * this run makes them one at a time.
   */
  private final Object worktreeAdministration = new Object();

  /**
   * @param environment added to every git call (for example an identity for commits)
   */
  public Git(CommandRunner runner, Map<String, String> environment) {
    this.runner = runner;
    this.environment = Map.copyOf(environment);
  }

  /** The runner git's commands go through, for the other commands of the same clean. */
  public CommandRunner runner() {
    return runner;
  }

  /** Runs {@code git args} in {@code dir} and returns how it ended, whatever the exit code. */
  public CommandResult exec(Path dir, List<String> args) {
    return exec(dir, args, null);
  }

  /** The same, killed after {@code timeout}: for calls that reach over the network. */
  public CommandResult exec(Path dir, List<String> args, Duration timeout) {
    return run(dir, args, timeout, located(dir));
  }

  /**
   * Runs git where it may look for the repository in the folders above {@code dir}: only to find
   * the user's checkout from the folder a command was started in.
   */
  private CommandResult discover(Path dir, List<String> args) {
    return run(dir, args, null, environment);
  }

  private CommandResult run(
      Path dir, List<String> args, Duration timeout, Map<String, String> variables) {
    List<String> argv = new ArrayList<>(args.size() + 1);
    argv.add("git");
    argv.addAll(args);
    return runner.run(
        CommandRequest.captured(dir, argv).withEnvironment(variables).withTimeout(timeout));
  }

  /**
   * The environment that names {@code dir}'s repository: its {@code .git} folder when it has one,
   * and never a folder above it. Without this, a task tree whose {@code .git} an agent removed
   * would have git walk up into whatever repository holds the engine's state folder.
   */
  private Map<String, String> located(Path dir) {
    Map<String, String> variables = new HashMap<>(environment);
    Path absolute = dir.toAbsolutePath().normalize();
    if (absolute.getParent() != null) {
      variables.put("GIT_CEILING_DIRECTORIES", absolute.getParent().toString());
    }
    Path dotGit = absolute.resolve(".git");
    if (Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
      variables.put("GIT_DIR", dotGit.toString());
      variables.put("GIT_WORK_TREE", absolute.toString());
    }
    return variables;
  }

  /**
   * Runs git with {@code index} as its index file in place of the repository's own, and returns its
   * untrimmed standard output; any failure is a {@link GitException}.
   */
  public String outputWithIndex(Path dir, Path index, String... args) {
    Map<String, String> variables = new HashMap<>(located(dir));
    variables.put("GIT_INDEX_FILE", index.toAbsolutePath().toString());
    CommandResult result = run(dir, Arrays.asList(args), null, variables);
    if (!result.ok()) {
      throw new GitException(Arrays.asList(args), failureDetail(result));
    }
    return result.stdout();
  }

  /** Runs git and returns its trimmed standard output; any failure is a {@link GitException}. */
  public String output(Path dir, String... args) {
    CommandResult result = exec(dir, Arrays.asList(args));
    if (!result.ok()) {
      throw new GitException(Arrays.asList(args), failureDetail(result));
    }
    return result.stdout().strip();
  }

  private static String failureDetail(CommandResult result) {
    if (result.failureToStart() != null) {
      return result.failureToStart();
    }
    String err = result.stderr().strip();
    if (err.isEmpty()) {
      err = result.stdout().strip();
    }
    if (result.timedOut() || result.cancelled()) {
      // What git printed while its tree was being killed ("... died of signal 15") is not why
      // it failed.
      return err.isEmpty()
          ? result.describeFailure("git")
          : result.describeFailure("git") + ": " + err;
    }
    return err.isEmpty() ? result.describeFailure("git") : err;
  }

  /** The installed git's version, or {@code null} when git cannot be run at all. */
  public GitVersion version(Path dir) {
    CommandResult result = discover(dir, List.of("--version"));
    return result.ok() ? GitVersion.parse(result.stdout()) : null;
  }

  /** The top folder of the checkout holding {@code dir}, if it is in one. */
  public Optional<Path> topLevel(Path dir) {
    CommandResult result = discover(dir, List.of("rev-parse", "--show-toplevel"));
    return result.ok() ? Optional.of(Path.of(result.stdout().strip())) : Optional.empty();
  }

  /** The branch checked out in {@code dir}, or empty on a detached HEAD. */
  public Optional<String> currentBranch(Path dir) {
    CommandResult result = exec(dir, List.of("symbolic-ref", "--quiet", "--short", "HEAD"));
    return result.ok() ? Optional.of(result.stdout().strip()) : Optional.empty();
  }

  /** The commit a ref names, or empty when it names none. */
  public Optional<String> resolveCommit(Path dir, String ref) {
    CommandResult result =
        exec(
            dir,
            List.of("rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"));
    return result.ok() ? Optional.of(result.stdout().strip()) : Optional.empty();
  }

  public String head(Path dir) {
    return output(dir, "rev-parse", "HEAD");
  }

  /** A git config value, or empty when unset. */
  public Optional<String> config(Path dir, String key) {
    CommandResult result = exec(dir, List.of("config", "--get", key));
    String value = result.stdout().strip();
    return result.ok() && !value.isEmpty() ? Optional.of(value) : Optional.empty();
  }

  /** Whether {@code ancestor} is reachable from {@code descendant}. */
  public boolean isAncestor(Path dir, String ancestor, String descendant) {
    CommandResult result = exec(dir, List.of("merge-base", "--is-ancestor", ancestor, descendant));
    if (result.exitCode() > 1 || !result.stderr().isBlank()) {
      throw new GitException(List.of("merge-base", "--is-ancestor"), failureDetail(result));
    }
    return result.exitCode() == 0;
  }

  /** Adds a worktree at {@code path} on a new branch starting at {@code commit}. */
  public void addWorktree(Path repo, Path path, String branch, String commit) {
    synchronized (worktreeAdministration) {
      output(
          repo,
          "worktree",
          "add",
          "--quiet",
          "--no-checkout",
          "-b",
          branch,
          path.toString(),
          commit);
    }
    // The checkout, the slow part, runs outside the lock so that tasks still fill in parallel.
    output(path, "reset", "--hard", "--quiet");
  }

  /**
   * Points {@code branch} at {@code commit}, creating it if needed (never a checked-out branch).
   */
  public void setBranch(Path repo, String branch, String commit) {
    synchronized (worktreeAdministration) {
      output(repo, "branch", "--force", "--no-track", branch, commit);
    }
  }

  /**
   * Moves {@code refs/heads/branch} to {@code commit} (null: deletes it) only if it still is at
   * {@code expected} (null: only if it does not exist yet). Returns false when the branch moved.
   */
  public boolean compareAndSetBranch(Path repo, String branch, String commit, String expected) {
    String old = expected == null ? "0".repeat(40) : expected;
    List<String> args =
        commit == null
            ? List.of("update-ref", "-d", "refs/heads/" + branch, old)
            : List.of(
                "update-ref",
                "-m",
                "parallel-agents: publish",
                "refs/heads/" + branch,
                commit,
                old);
    return exec(repo, args).ok();
  }

  /** Branches checked out in any worktree of the repository. */
  public List<String> checkedOutBranches(Path repo) {
    List<String> branches = new ArrayList<>();
    String list;
    synchronized (worktreeAdministration) {
      list = output(repo, "worktree", "list", "--porcelain");
    }
    for (String line : list.split("\n")) {
      if (line.startsWith("branch refs/heads/")) {
        branches.add(line.substring("branch refs/heads/".length()));
      }
    }
    return branches;
  }

  /**
   * Stages everything in the worktree and commits it if anything changed. Returns whether a commit
   * was made.
   */
  public boolean commitAll(Path worktree, String message) {
    output(worktree, "add", "-A");
    return commitStaged(worktree, message);
  }

  /** Commits what is staged in the worktree, if anything. Returns whether a commit was made. */
  public boolean commitStaged(Path worktree, String message) {
    CommandResult staged = exec(worktree, List.of("diff", "--cached", "--quiet"));
    if (staged.exitCode() == 0) {
      return false;
    }
    output(worktree, "commit", "--quiet", "--no-verify", "-m", message);
    return true;
  }

  /** The folder holding the repository's objects and refs, shared by all its worktrees. */
  public Path commonDir(Path dir) {
    return dir.resolve(output(dir, "rev-parse", "--git-common-dir")).normalize();
  }

  /** The patch between two commits, as {@code git diff} prints it. */
  public String diff(Path dir, String from, String to) {
    CommandResult result = exec(dir, List.of("diff", "--binary", from, to));
    if (!result.ok()) {
      throw new GitException(List.of("diff", from, to), failureDetail(result));
    }
    return result.stdout();
  }

  /** Files left unmerged in a worktree after a stopped merge or cherry-pick. */
  public List<String> conflictedFiles(Path worktree) {
    String out = output(worktree, "diff", "--name-only", "--diff-filter=U");
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  /**
   * Runs a merge-like command (merge, cherry-pick) in a worktree and says whether it stopped on
   * conflicts; the caller decides whether to abort or resolve.
   */
  public MergeAttempt integrate(Path worktree, List<String> args) {
    CommandResult result = exec(worktree, args);
    if (result.ok()) {
      return MergeAttempt.ok();
    }
    List<String> conflicts = conflictedFiles(worktree);
    String detail = failureDetail(result);
    return new MergeAttempt(false, conflicts, conflicts.isEmpty() ? detail : null);
  }

  /**
   * Every commit reachable from {@code to} and not from {@code start}, merges too, oldest first.
   */
  public List<String> commitsSince(Path dir, String start, String to) {
    String out = output(dir, "rev-list", "--reverse", to, "^" + start);
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  /**
   * Commits reachable from {@code to} but from none of {@code upstream}, oldest first, no merges.
   */
  public List<String> ownCommits(Path dir, List<String> upstream, String to) {
    List<String> args = new ArrayList<>(List.of("rev-list", "--reverse", "--no-merges", to));
    upstream.forEach(commit -> args.add("^" + commit));
    String out = output(dir, args.toArray(String[]::new));
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  /**
   * Merges {@code theirs} into {@code ours} in memory ({@code git merge-tree --write-tree}): the
   * same merge as {@code git merge}, with no worktree or index to update. Returns the merged tree,
   * or the conflicted files.
   */
  public TreeMerge mergeTree(Path repo, String ours, String theirs) {
    CommandResult result =
        exec(
            repo,
            List.of("merge-tree", "--write-tree", "--name-only", "--no-messages", ours, theirs));
    String[] lines = result.stdout().strip().split("\n");
    if (result.exitCode() == 0) {
      return new TreeMerge(lines[0], List.of(), null);
    }
    if (result.exitCode() == 1) {
      List<String> files =
          Arrays.stream(lines).skip(1).filter(l -> !l.isBlank()).distinct().toList();
      return new TreeMerge(null, files, null);
    }
    return new TreeMerge(null, List.of(), failureDetail(result));
  }

  /** Writes a commit of {@code tree} with these parents, moving no branch; returns its id. */
  public String commitTree(Path repo, String tree, List<String> parents, String message) {
    List<String> args = new ArrayList<>(List.of("commit-tree", tree));
    for (String parent : parents) {
      args.add("-p");
      args.add(parent);
    }
    args.add("-m");
    args.add(message);
    return output(repo, args.toArray(String[]::new));
  }
}
