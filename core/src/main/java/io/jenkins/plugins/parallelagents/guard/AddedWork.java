package io.jenkins.plugins.parallelagents.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * What a range of commits added, read in-process from the object database: the changed files, the
 * size of each new version, each added line with its number, and each commit's text.
 *
 * <p>Only objects are read. The git command line would let the repository decide what a diff shows
 * (a {@code -diff} attribute makes a file binary, a NUL byte hides its lines, a text conversion
 * rewrites it, a replace ref swaps a commit), and an agent can plant any of those.
 */
final class AddedWork implements AutoCloseable {

  /**
   * One file whose new version is a blob (a file or a link): {@code A}dded, {@code M}odified or
   * {@code T}ype changed.
   *
   * @param base the old version when it is of the same kind, which the added lines are counted
   *     against; {@code null} when every line of the new version counts as added
   */
  record Change(char status, String path, ObjectId id, ObjectId base) {}

  /** Receives each added line of a file, numbered from 1 in the new version. */
  interface LineSink {
    void line(int number, String text);
  }

  /** The largest array a JVM allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final Repository repository;
  private final ObjectReader reader;
  private final String from;
  private final String to;

  private AddedWork(Repository repository, String from, String to) {
    this.repository = repository;
    this.reader = repository.newObjectReader();
    this.from = from;
    this.to = to;
  }

  /** Opens the object database git keeps in {@code commonDir} for the commits between two ids. */
  static AddedWork open(Path commonDir, String from, String to) {
    try {
      Repository repository =
          new FileRepositoryBuilder().setGitDir(commonDir.toFile()).setMustExist(true).build();
      return new AddedWork(repository, from, to);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the repository at " + commonDir, e);
    }
  }

  /** Every file whose new version is a blob, in tree order; a rename is a deletion and an add. */
  List<Change> changes() {
    try (TreeWalk walk = new TreeWalk(repository, reader)) {
      walk.setRecursive(true);
      walk.setFilter(TreeFilter.ANY_DIFF);
      walk.addTree(treeOf(from));
      walk.addTree(treeOf(to));
      List<Change> changes = new ArrayList<>();
      while (walk.next()) {
        int before = walk.getRawMode(0);
        int now = walk.getRawMode(1);
        if (kind(now) == 0) {
          continue; // deleted, or a submodule's commit: no content of its own
        }
        boolean sameKind = kind(before) == kind(now);
        char status = before == 0 ? 'A' : sameKind ? 'M' : 'T';
        changes.add(
            new Change(
                status,
                walk.getPathString(),
                walk.getObjectId(1),
                sameKind ? walk.getObjectId(0) : null));
      }
      return changes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compare " + from + " with " + to, e);
    }
  }

  /** 1 for a file, 2 for a link, 0 for anything else (nothing, a folder, a submodule). */
  private static int kind(int mode) {
    if (FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode)) {
      return 1;
    }
    return FileMode.SYMLINK.equals(mode) ? 2 : 0;
  }

  /** The size in bytes of the change's new version, or -1 when it cannot be read. */
  long size(Change change) {
    try {
      return reader.getObjectSize(change.id(), Constants.OBJ_BLOB);
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Walks the lines of the new version that the old one does not have. Every byte counts: a NUL
   * does not make a file binary here.
   *
   * @throws LargeObjectException when the new version is too large to hold in memory
   */
  void addedLines(Change change, LineSink sink) {
    RawText now = new RawText(bytes(change.id(), Constants.OBJ_BLOB, MAX_ARRAY));
    RawText before = RawText.EMPTY_TEXT;
    if (change.base() != null) {
      try {
        before = new RawText(bytes(change.base(), Constants.OBJ_BLOB, MAX_ARRAY));
      } catch (LargeObjectException tooLarge) {
        // every line then counts as added: more to scan, nothing missed
      }
    }
    List<Edit> edits =
        DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
            .diff(RawTextComparator.DEFAULT, before, now);
    for (Edit edit : edits) {
      for (int i = edit.getBeginB(); i < edit.getEndB(); i++) {
        sink.line(i + 1, now.getString(i));
      }
    }
  }

  /**
   * The whole text of a commit object as it would be published: headers, author, committer and
   * message, including anything after a NUL byte that {@code git log} would not show.
   *
   * @return the text, or {@code null} when the commit is larger than {@code limit} bytes
   */
  String commitText(String commit, long limit) {
    try {
      ObjectId id = ObjectId.fromString(commit);
      if (reader.getObjectSize(id, Constants.OBJ_COMMIT) > limit) {
        return null;
      }
      return RawParseUtils.decode(bytes(id, Constants.OBJ_COMMIT, limit));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read commit " + commit, e);
    }
  }

  /** At most {@code limit} bytes: what no Java array can hold is a {@link LargeObjectException}. */
  private byte[] bytes(ObjectId id, int type, long limit) {
    try {
      return reader.open(id, type).getCachedBytes((int) Math.min(limit, MAX_ARRAY));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + id.name(), e);
    }
  }

  /** The tree of a commit, parsed from the commit object itself (no commit graph answers). */
  private ObjectId treeOf(String commit) throws IOException {
    ObjectId id = ObjectId.fromString(commit);
    return RevCommit.parse(bytes(id, Constants.OBJ_COMMIT, MAX_ARRAY)).getTree();
  }

  @Override
  public void close() {
    reader.close();
    repository.close();
  }
}
