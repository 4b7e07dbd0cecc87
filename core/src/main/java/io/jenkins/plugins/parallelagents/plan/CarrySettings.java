package io.jenkins.plugins.parallelagents.plan;

import java.util.List;
import java.util.Optional;

/**
 * The plan's {@code environment.carry}: gitignore-style patterns naming files that git ignores in
 * the user's checkout (a {@code .env}, a local config, certificates) and that each task tree and
 * the combined tree get a copy of before setup runs.
 *
 * @param patterns the patterns as written, relative to the repository's top; possibly empty
 */
public record CarrySettings(List<String> patterns) {

  /**
   * The patterns {@link #problem} accepts, as one regular expression: the schema carries it, so
   * that an editor flags what the parser refuses.
   */
  static final String PATTERN =
      "^(?!!?\\s*$)(?!!?#)(?!!?[/\\\\])(?!!?[A-Za-z]:)(?!.*(^|[/\\\\!])\\.\\.([/\\\\]|$))(?!.*(^|[/\\\\!])\\.[Gg][Ii][Tt]([/\\\\]|$))[^\\x00-\\x1f\\x7f]+$";

  /** Nothing carried but what a {@code .worktreeinclude} file names. */
  public static final CarrySettings NONE = new CarrySettings(List.of());

  public CarrySettings {
    patterns = List.copyOf(patterns);
    for (String pattern : patterns) {
      problem(pattern)
          .ifPresent(
              why -> {
                throw new IllegalArgumentException("carry pattern '" + pattern + "' " + why);
              });
    }
  }

  /**
   * Why {@code pattern} cannot name files inside the repository, or empty when it can. A pattern
   * only ever selects among the files git lists, but one that reads as a path out of the tree or
   * into git's folder says the author expects something that will never happen, and a line break
   * would smuggle a second pattern past this check.
   */
  public static Optional<String> problem(String pattern) {
    String body = pattern.startsWith("!") ? pattern.substring(1) : pattern;
    if (body.isBlank()) {
      return Optional.of("is empty");
    }
    if (body.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return Optional.of("holds a control character (a line break, a tab); write one pattern each");
    }
    if (body.startsWith("#")) {
      return Optional.of("starts with '#', which makes it a comment in gitignore syntax");
    }
    if (body.startsWith("/") || body.startsWith("\\") || body.matches("^[A-Za-z]:.*")) {
      return Optional.of(
          "is absolute; patterns are relative to the repository's top (write it without the"
              + " leading '/')");
    }
    List<String> segments = List.of(body.split("[/\\\\]+"));
    if (segments.contains("..")) {
      return Optional.of("leads out of the repository ('..')");
    }
    if (segments.stream().anyMatch(s -> s.equalsIgnoreCase(".git"))) {
      return Optional.of("is inside git's own folder");
    }
    return Optional.empty();
  }
}
