package io.jenkins.plugins.parallelagents.doctor;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a CLI's {@code --help} printed: which options and subcommands it lists. */
final class HelpText {

  private static final int MAX_SHOWN = 160;
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}|\u001B\\[[0-?]*[ -/]*[@-~]");

  private final List<String> lines;

  HelpText(String text) {
    this.lines = text.lines().toList();
  }

  /** Whether {@code option} ({@code --sandbox}, {@code -p}) appears as a word of its own. */
  boolean lists(String option) {
    Pattern word = word(option);
    return lines.stream().anyMatch(line -> word.matcher(line).find());
  }

  /**
   * Whether {@code word} is one of the subcommands, listed at the start of a line as clap,
   * commander and yargs print them ({@code exec Run Codex non-interactively}).
   */
  boolean listsCommand(String word) {
    Pattern command =
        Pattern.compile("^\\s{1,8}(?:\\S+ )?" + Pattern.quote(word) + "(?:,|\\s{2,}|\\s*$| \\[)");
    return !word.startsWith("-") && lines.stream().anyMatch(line -> command.matcher(line).find());
  }

  /**
   * The help's words about {@code option} when they call it deprecated: its line and the lines of
   * description under it, cleaned to one printable line.
   */
  Optional<String> deprecation(String option) {
    Pattern word = word(option);
    for (int i = 0; i < lines.size(); i++) {
      if (!word.matcher(lines.get(i)).find() || !lines.get(i).strip().startsWith("-")) {
        continue;
      }
      StringBuilder entry = new StringBuilder(lines.get(i).strip());
      for (int j = i + 1; j < lines.size(); j++) {
        String next = lines.get(j).strip();
        if (next.isEmpty() || next.startsWith("-")) {
          break;
        }
        entry.append(' ').append(next);
      }
      String text = CONTROL.matcher(entry).replaceAll("").replaceAll("\\s+", " ");
      if (text.toLowerCase(Locale.ROOT).contains("deprecated")) {
        return Optional.of(
            text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN - 3) + "..." : text);
      }
    }
    return Optional.empty();
  }

  private static Pattern word(String option) {
    return Pattern.compile("(?<![\\w-])" + Pattern.quote(option) + "(?![\\w-])");
  }
}
