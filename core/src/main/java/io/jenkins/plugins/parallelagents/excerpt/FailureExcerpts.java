package io.jenkins.plugins.parallelagents.excerpt;

import io.jenkins.plugins.parallelagents.report.FailureExcerpt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads a failed step's log into an excerpt a report can show: its last lines. The log is read
 * once, line by line, however large it is.
 */
public final class FailureExcerpts {

  /** How many of the log's last lines an excerpt keeps. */
  public static final int LAST_LINES = 20;

  private static final int MAX_LINE = 300;

  private FailureExcerpts() {}

  /** The excerpt of {@code log}; empty when the file is missing or unreadable. */
  public static FailureExcerpt of(Path log) {
    Deque<String> last = new ArrayDeque<>();
    try (var reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        last.addLast(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " …" : line);
        if (last.size() > LAST_LINES) {
          last.removeFirst();
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // a log that cannot be read has no excerpt; the step's reason still says it failed
    }
    return new FailureExcerpt(new ArrayList<>(last), List.of());
  }
}
