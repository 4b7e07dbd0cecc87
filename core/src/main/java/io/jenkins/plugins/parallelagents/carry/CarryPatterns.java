package io.jenkins.plugins.parallelagents.carry;

import io.jenkins.plugins.parallelagents.plan.CarrySettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The patterns of what is carried: the plan's {@code environment.carry} and the lines of a {@code
 * .worktreeinclude} file at the top of the user's checkout (gitignore syntax, as other tools that
 * make worktrees read it).
 *
 * @param patterns every usable pattern, the plan's first
 * @param refused what was left out of {@code .worktreeinclude}, and why, one line each
 */
record CarryPatterns(List<String> patterns, List<String> refused) {

  static final String INCLUDE_FILE = ".worktreeinclude";

  /** Larger than any list of patterns a person writes; a bigger file is not read at all. */
  static final int MAX_INCLUDE_BYTES = 64 * 1024;

  CarryPatterns {
    patterns = List.copyOf(patterns);
    refused = List.copyOf(refused);
  }

  static CarryPatterns read(Path checkout, CarrySettings settings) {
    List<String> patterns = new ArrayList<>(settings.patterns());
    List<String> refused = new ArrayList<>();
    Path file = checkout.resolve(INCLUDE_FILE);
    if (Files.isSymbolicLink(file)) {
      refused.add(INCLUDE_FILE + ": a symbolic link, not read");
    } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        byte[] bytes = in.readNBytes(MAX_INCLUDE_BYTES + 1);
        if (bytes.length > MAX_INCLUDE_BYTES) {
          refused.add(INCLUDE_FILE + ": larger than " + MAX_INCLUDE_BYTES + " bytes, not read");
        } else {
          lines(new String(bytes, StandardCharsets.UTF_8), patterns, refused);
        }
      } catch (IOException e) {
        refused.add(INCLUDE_FILE + ": cannot be read: " + e.getMessage());
      }
    }
    return new CarryPatterns(patterns, refused);
  }

  private static void lines(String text, List<String> patterns, List<String> refused) {
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String why = CarrySettings.problem(line).orElse(null);
      if (why == null) {
        patterns.add(line);
      } else {
        refused.add(INCLUDE_FILE + ":" + (i + 1) + ": pattern '" + line + "' " + why);
      }
    }
  }
}
