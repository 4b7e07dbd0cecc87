package io.jenkins.plugins.parallelagents.guard;

import java.util.List;
import java.util.regex.Pattern;

/**
 * File patterns as {@code .gitignore} writes them: a pattern without {@code /} matches a file name
 * in any folder ({@code *.log}); a pattern with one matches the path from the repository root
 * ({@code fixtures/**}). {@code *} and {@code ?} stay within one path segment, {@code **} spans any
 * number of folders, none included.
 */
final class PathPatterns {

  private final List<Pattern> compiled;
  private final List<String> written;

  PathPatterns(List<String> patterns) {
    this.written = List.copyOf(patterns);
    this.compiled = patterns.stream().map(PathPatterns::compile).toList();
  }

  /** The first pattern that matches {@code path} (relative, with {@code /}), or {@code null}. */
  String firstMatch(String path) {
    for (int i = 0; i < compiled.size(); i++) {
      if (compiled.get(i).matcher(path).matches()) {
        return written.get(i);
      }
    }
    return null;
  }

  static Pattern compile(String glob) {
    String pattern = glob.startsWith("/") ? glob.substring(1) : glob;
    if (!glob.contains("/")) {
      pattern = "**/" + pattern;
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (pattern.startsWith("**/", i)) {
        regex.append("(?:.*/)?");
        i += 2;
      } else if (pattern.startsWith("/**", i) && i + 3 == pattern.length()) {
        regex.append("/.*");
        i += 2;
      } else if (pattern.startsWith("**", i)) {
        regex.append(".*");
        i += 1;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
