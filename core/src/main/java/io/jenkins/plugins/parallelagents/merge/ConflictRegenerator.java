package io.jenkins.plugins.parallelagents.merge;

import io.jenkins.plugins.parallelagents.report.Regenerated;
import java.nio.file.Path;
import java.util.List;

/**
 * Settles a merge conflict by regenerating the conflicted files instead of text-merging them:
 * dependency manifests merged structurally, lockfiles rebuilt by their package manager, generated
 * files rebuilt by the plan's commands. Only a conflict whose every file a rule covers is its to
 * settle.
 */
public interface ConflictRegenerator {

  /** Settles nothing. */
  ConflictRegenerator NONE =
      new ConflictRegenerator() {
        @Override
        public boolean covers(List<String> files) {
          return false;
        }

        @Override
        public Result regenerate(Path worktree, TaskBranch task, List<String> files) {
          return Result.failed("no rule regenerates " + String.join(", ", files));
        }
      };

  /** Whether a conflict in exactly {@code files} is one this regenerator settles. */
  boolean covers(List<String> files);

  /**
   * Regenerates {@code files} in {@code worktree}, stopped on a conflict in them while merging
   * {@code task}, and stages the result; the caller concludes the merge. Called only when {@link
   * #covers} said yes.
   */
  Result regenerate(Path worktree, TaskBranch task, List<String> files);

  /**
   * @param done what was regenerated, or {@code null} when it failed
   * @param failure why it could not, one line (a real version clash names both versions), or {@code
   *     null}
   */
  record Result(Regenerated done, String failure) {
    public static Result failed(String why) {
      return new Result(null, why);
    }

    public static Result regenerated(Regenerated done) {
      return new Result(done, null);
    }
  }
}
