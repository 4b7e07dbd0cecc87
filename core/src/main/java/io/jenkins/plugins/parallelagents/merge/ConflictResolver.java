package io.jenkins.plugins.parallelagents.merge;

import java.nio.file.Path;
import java.util.List;

/** Settles a merge conflict in place, as the plan's resolver agent does. */
public interface ConflictResolver {

  /**
   * Edits the conflicted files in {@code worktree}. Returns a reason when it could not, or {@code
   * null} when it ran; whether the conflict is really gone is checked afterwards.
   */
  String resolve(TaskBranch task, List<String> files, Path worktree);
}
