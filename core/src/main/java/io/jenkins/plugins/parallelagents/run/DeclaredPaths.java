package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.git.FileChange;
import io.jenkins.plugins.parallelagents.plan.PathGlobs;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/** Checks a task's changes against the {@code paths} it declared it owns. */
public final class DeclaredPaths {

  private DeclaredPaths() {}

  /** Changed files matching none of the globs; nothing when the task declared no paths. */
  public static List<String> outside(List<String> globs, List<FileChange> changes) {
    if (globs.isEmpty()) {
      return List.of();
    }
    List<PathMatcher> matchers = globs.stream().map(PathGlobs::compile).toList();
    return changes.stream()
        .map(FileChange::path)
        .filter(file -> matchers.stream().noneMatch(m -> m.matches(Path.of(file))))
        .toList();
  }
}
