package io.jenkins.plugins.parallelagents.plan;

import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

/**
 * The globs of a task's {@code paths}, compiled one way for both validation and the run, so that a
 * glob the plan accepts is one the run can use.
 */
public final class PathGlobs {

  private PathGlobs() {}

  /**
   * The matcher for {@code glob}, in the syntax of {@link java.nio.file.FileSystem#getPathMatcher}.
   *
   * @throws PatternSyntaxException when the glob cannot be read; a validated plan has none such
   */
  public static PathMatcher compile(String glob) {
    return FileSystems.getDefault().getPathMatcher("glob:" + glob);
  }

  /** Why {@code glob} cannot be read, or empty when it can. */
  static Optional<String> problem(String glob) {
    try {
      compile(glob);
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      return Optional.of(e.getDescription());
    }
  }
}
