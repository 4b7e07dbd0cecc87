package io.jenkins.plugins.parallelagents.git;

import java.util.HashSet;
import java.util.Set;

/**
 * The files one side of a merge changed since the merge's base: enough to tell, without git, that
 * two sides cannot conflict.
 */
public final class TouchedPaths {

  private final Set<String> paths;
  private final Set<String> folders;
  private final boolean deletes;

  /**
   * @param paths every added, modified or deleted file
   * @param deletes whether any of them was deleted: a deletion may be half of a rename, and git's
   *     rename detection can then carry the other side's changes to paths this side never named
   */
  public TouchedPaths(Set<String> paths, boolean deletes) {
    this.paths = Set.copyOf(paths);
    this.deletes = deletes;
    Set<String> above = new HashSet<>();
    for (String path : paths) {
      for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        above.add(path.substring(0, slash));
      }
    }
    this.folders = Set.copyOf(above);
  }

  public Set<String> paths() {
    return paths;
  }

  public boolean deletes() {
    return deletes;
  }

  /**
   * Whether a merge of the two sides could conflict. Git's merge can only stop where both sides
   * changed the same file, where a file of one is a folder of the other, or where a rename carries
   * a change somewhere else; when none of these can happen the merge is clean, and asking git would
   * only confirm it.
   */
  public boolean mayConflictWith(TouchedPaths other) {
    if (deletes || other.deletes) {
      return true;
    }
    TouchedPaths small = paths.size() <= other.paths.size() ? this : other;
    TouchedPaths large = small == this ? other : this;
    for (String path : small.paths) {
      if (large.paths.contains(path) || large.folders.contains(path)) {
        return true;
      }
    }
    for (String folder : small.folders) {
      if (large.paths.contains(folder)) {
        return true;
      }
    }
    return false;
  }
}
