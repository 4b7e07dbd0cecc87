package io.jenkins.plugins.parallelagents.lifecycle;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.lifecycle.RestoreException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Brings the work saved from a removed run back: each saved task or attempt as its branch {@code
 * agents/<run>/<tree>} again, and on request one of them checked out in a new worktree of the
 * user's repository with its uncommitted changes uncommitted again, byte for byte.
 */
public final class SnapshotRestore {

  /**
   * One branch brought back.
   *
   * @param branch the branch, {@code agents/<run>/<tree>}
   * @param commit where it points
   * @param created whether it was made now (else it was there already, at that commit)
   * @param worktree the worktree it is checked out in, or {@code null}
   * @param uncommitted whether the tree's uncommitted changes were put back there
   */
  public record Restored(
      String branch, String commit, boolean created, Path worktree, boolean uncommitted) {}

  private final Git git;
  private final Path top;

  /**
   * @param git a hardened git
   * @param userRepository the top folder of the user's checkout holding the snapshots
   */
  public SnapshotRestore(Git git, Path userRepository) {
    this.git = git;
    this.top = userRepository;
  }

  /**
   * @param task a task id (its attempts too) or {@code <task>.attempt-<n>}, or {@code null} for
   *     every saved tree of the run
   * @param worktree a folder to check the one restored branch out in, or {@code null}
   */
  public List<Restored> restore(String runId, String task, Path worktree) throws RestoreException {
    if (!RunIds.isValid(runId)) {
      throw new RestoreException(Kind.REQUEST, "'" + runId + "' is not a run id");
    }
    Map<String, String> refs = new SnapshotStore(git, top).list(runId);
    if (refs.isEmpty()) {
      throw new RestoreException(Kind.REQUEST, "run " + runId + " has no saved work here");
    }
    Map<String, String> branches = new TreeMap<>();
    Map<String, String> uncommitted = new TreeMap<>();
    refs.forEach(
        (name, commit) -> {
          if (name.endsWith(SnapshotRefs.UNCOMMITTED)) {
            uncommitted.put(
                name.substring(0, name.length() - SnapshotRefs.UNCOMMITTED.length()), commit);
          } else {
            branches.put(name, commit);
          }
        });
    Map<String, String> chosen = new TreeMap<>();
    for (String name : union(branches, uncommitted)) {
      if (task == null || name.equals(task) || name.startsWith(task + ".attempt-")) {
        // A branch the target contained was not saved: the tree's HEAD, the snapshot's parent, is.
        chosen.put(
            name,
            branches.containsKey(name)
                ? branches.get(name)
                : git.output(top, "rev-parse", "--verify", uncommitted.get(name) + "^1"));
      }
    }
    if (chosen.isEmpty()) {
      throw new RestoreException(
          Kind.REQUEST,
          "run "
              + runId
              + " has no saved work of task "
              + task
              + "; it has: "
              + String.join(", ", union(branches, uncommitted)));
    }
    if (worktree != null) {
      checkWorktree(worktree, task, chosen);
    }
    List<Restored> restored = new ArrayList<>();
    for (Map.Entry<String, String> entry : chosen.entrySet()) {
      String branch = "agents/" + runId + "/" + entry.getKey();
      Optional<String> existing = git.resolveCommit(top, "refs/heads/" + branch);
      if (existing.isPresent() && !existing.get().equals(entry.getValue())) {
        throw new RestoreException(
            Kind.IN_THE_WAY,
            "branch "
                + branch
                + " exists and is not the saved "
                + entry.getValue().substring(0, 12)
                + "; rename it (git branch -m "
                + branch
                + " "
                + branch
                + "-mine) and restore again");
      }
    }
    for (Map.Entry<String, String> entry : chosen.entrySet()) {
      String branch = "agents/" + runId + "/" + entry.getKey();
      boolean created = git.compareAndSetBranch(top, branch, entry.getValue(), null);
      String snapshot = uncommitted.get(entry.getKey());
      if (worktree != null) {
        checkOut(worktree, branch, snapshot);
      }
      restored.add(
          new Restored(
              branch, entry.getValue(), created, worktree, worktree != null && snapshot != null));
    }
    return restored;
  }

  private static List<String> union(Map<String, String> a, Map<String, String> b) {
    return Stream.concat(a.keySet().stream(), b.keySet().stream()).distinct().sorted().toList();
  }

  private static void checkWorktree(Path worktree, String task, Map<String, String> chosen)
      throws RestoreException {
    if (task == null || chosen.size() != 1) {
      throw new RestoreException(
          Kind.REQUEST,
          "a worktree holds one branch; name one of "
              + String.join(", ", chosen.keySet())
              + " with --task");
    }
    if (Files.exists(worktree, LinkOption.NOFOLLOW_LINKS) && !isEmptyFolder(worktree)) {
      throw new RestoreException(
          Kind.IN_THE_WAY, worktree + " already exists; name a new folder for the worktree");
    }
  }

  private static boolean isEmptyFolder(Path folder) {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Checks {@code branch} out in a new worktree and makes its files the snapshot's, leaving the
   * index at the branch: the differences show as uncommitted changes, deleted files as deleted.
   */
  private void checkOut(Path worktree, String branch, String snapshot) {
    Path absolute = worktree.toAbsolutePath().normalize();
    git.output(top, "worktree", "add", "--quiet", absolute.toString(), branch);
    if (snapshot != null) {
      git.output(absolute, "read-tree", "-u", "--reset", snapshot);
      git.output(absolute, "reset", "--quiet");
    }
  }
}
