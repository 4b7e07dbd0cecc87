package io.jenkins.plugins.parallelagents.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Reads history in-process with JGit, where a read needs no worktree and would otherwise cost a git
 * process per task. Safe for concurrent reads; close it when the run ends.
 */
public final class HistoryReader implements AutoCloseable {

  private final Repository repository;

  private HistoryReader(Repository repository) {
    this.repository = repository;
  }

  /**
   * Opens the object database git keeps in {@code commonDir} ({@code git rev-parse
   * --git-common-dir}).
   */
  public static HistoryReader open(Path commonDir) {
    try {
      return new HistoryReader(
          new FileRepositoryBuilder().setGitDir(commonDir.toFile()).setMustExist(true).build());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the repository at " + commonDir, e);
    }
  }

  /**
   * Files changed between two commits with their line counts, as {@code git diff --numstat
   * --no-renames} counts them (a rename is a delete and an add; binary files count no lines).
   */
  public List<FileChange> diffStat(String from, String to) {
    try (RevWalk walk = new RevWalk(repository);
        DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      formatter.setRepository(repository);
      formatter.setDiffComparator(RawTextComparator.DEFAULT);
      formatter.setDetectRenames(false);
      RevCommit a = walk.parseCommit(ObjectId.fromString(from));
      RevCommit b = walk.parseCommit(ObjectId.fromString(to));
      List<FileChange> changes = new ArrayList<>();
      for (DiffEntry entry : formatter.scan(a.getTree(), b.getTree())) {
        int insertions = 0;
        int deletions = 0;
        for (Edit edit : formatter.toFileHeader(entry).toEditList()) {
          insertions += edit.getLengthB();
          deletions += edit.getLengthA();
        }
        String path =
            entry.getChangeType() == DiffEntry.ChangeType.DELETE
                ? entry.getOldPath()
                : entry.getNewPath();
        changes.add(new FileChange(path, insertions, deletions));
      }
      return changes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compare " + from + " with " + to, e);
    }
  }

  /**
   * The paths that differ between two commits, without reading any file content: what a task's
   * branch touched since the integration start, as far as a merge can see it.
   */
  public TouchedPaths touchedPaths(String from, String to) {
    try (RevWalk walk = new RevWalk(repository);
        TreeWalk tree = new TreeWalk(repository)) {
      tree.setRecursive(true);
      tree.setFilter(TreeFilter.ANY_DIFF);
      tree.addTree(walk.parseCommit(ObjectId.fromString(from)).getTree());
      tree.addTree(walk.parseCommit(ObjectId.fromString(to)).getTree());
      Set<String> paths = new HashSet<>();
      boolean deletes = false;
      while (tree.next()) {
        paths.add(tree.getPathString());
        deletes |= tree.getRawMode(1) == 0;
      }
      return new TouchedPaths(paths, deletes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compare " + from + " with " + to, e);
    }
  }

  @Override
  public void close() {
    repository.close();
  }
}
