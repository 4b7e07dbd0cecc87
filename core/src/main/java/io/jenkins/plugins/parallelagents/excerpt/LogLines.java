package io.jenkins.plugins.parallelagents.excerpt;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads a log once, line by line, whatever it holds: bytes that are not UTF-8 (a test printing
 * binary, a truncated multi-byte character) become U+FFFD instead of ending the read, and a line
 * longer than {@link #MAX_LINE} characters is cut as it is read, so that a log that is one huge
 * line does not have to fit in memory.
 */
final class LogLines {

  /** Characters of a line that are kept; the rest of the line is dropped. */
  static final int MAX_LINE = 300;

  private LogLines() {}

  /** Feeds every line of {@code log} to {@code lines}. */
  static void read(Path log, Consumer<String> lines) throws IOException {
    try (InputStream in = Files.newInputStream(log);
        Reader reader =
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE))) {
      char[] buffer = new char[8192];
      StringBuilder line = new StringBuilder();
      boolean cut = false;
      boolean afterCr = false;
      int n;
      while ((n = reader.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          char c = buffer[i];
          if (c == '\n' && afterCr) {
            afterCr = false;
            continue; // the second half of a CRLF
          }
          afterCr = c == '\r';
          if (c == '\n' || c == '\r') {
            lines.accept(finish(line, cut));
            line.setLength(0);
            cut = false;
          } else if (line.length() < MAX_LINE) {
            line.append(c);
          } else {
            cut = true;
          }
        }
      }
      if (line.length() > 0) {
        lines.accept(finish(line, cut));
      }
    }
  }

  private static String finish(StringBuilder line, boolean cut) {
    return cut ? line + " …" : line.toString();
  }
}
