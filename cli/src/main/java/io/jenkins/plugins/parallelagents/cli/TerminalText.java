package io.jenkins.plugins.parallelagents.cli;

import java.util.regex.Pattern;

/**
 * Makes agent output safe to show inside one row of the terminal: an agent's own colours, carriage
 * returns or tabs would otherwise move the cursor and break the table drawn around them.
 */
final class TerminalText {

  private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\t]]");

  private TerminalText() {}

  /** One printable line: escape sequences and control characters removed, tabs as spaces. */
  static String clean(String line) {
    String text = ANSI_ESCAPE.matcher(line).replaceAll("");
    int carriageReturn = text.lastIndexOf('\r');
    if (carriageReturn >= 0 && carriageReturn < text.length() - 1) {
      // a progress bar redrawn with \r: what the terminal would show is the last redraw
      text = text.substring(carriageReturn + 1);
    }
    return CONTROL.matcher(text).replaceAll("").replace('\t', ' ').strip();
  }

  /** At most {@code width} characters, the cut marked with "...". */
  static String truncate(String text, int width) {
    if (text.length() <= width) {
      return text;
    }
    if (width <= 3) {
      return text.substring(0, Math.max(0, width));
    }
    return text.substring(0, width - 3) + "...";
  }
}
