package io.jenkins.plugins.parallelagents.report;

import java.util.List;

/**
 * Escaping for the text reports: task titles, reasons and file names come from users and agents,
 * and must never change the structure of the document they are shown in.
 */
final class Escape {

  private static final char REPLACEMENT = '\uFFFD';

  private Escape() {}

  /**
   * Replaces characters XML 1.0 forbids (agent output often carries terminal escape codes), which
   * would make the whole document unreadable to a parser. Null becomes the empty string.
   */
  static String xmlSafe(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      boolean allowed =
          cp == 0x9
              || cp == 0xA
              || cp == 0xD
              || (cp >= 0x20 && cp <= 0xD7FF)
              || (cp >= 0xE000 && cp <= 0xFFFD)
              || cp >= 0x10000;
      if (allowed) {
        out.appendCodePoint(cp);
      } else {
        out.append(REPLACEMENT);
      }
    }
    return out.toString();
  }

  /** Text for HTML or SVG content and attribute values. Null becomes the empty string. */
  static String html(String text) {
    String clean = xmlSafe(text);
    StringBuilder out = new StringBuilder(clean.length() + 16);
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Text for a Markdown table cell: one line, no cell break, and no inline HTML or link syntax, so
   * a reason cannot inject markup. Backslash escapes render as the plain character.
   */
  static String markdown(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> {}
        case '\n' -> out.append(' ');
        case '\\', '`', '*', '[', ']', '<', '|' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString().strip();
  }

  /**
   * A Markdown code span around {@code text}, fenced with more backticks than it contains. Inside a
   * table a {@code |} still ends the cell (GFM splits cells first), so it is escaped.
   */
  static String markdownCode(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String oneLine = text.replace("\r", "").replace('\n', ' ');
    int longestRun = 0;
    int run = 0;
    for (int i = 0; i < oneLine.length(); i++) {
      run = oneLine.charAt(i) == '`' ? run + 1 : 0;
      longestRun = Math.max(longestRun, run);
    }
    String fence = "`".repeat(longestRun + 1);
    String pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
    return fence + pad + oneLine.replace("|", "\\|") + pad + fence;
  }

  /**
   * A fenced Markdown code block holding {@code lines} as they are: the fence is longer than any
   * run of backticks in them, so that no line can close it and turn into markup.
   */
  static String markdownBlock(List<String> lines) {
    int longestRun = 2;
    for (String line : lines) {
      int run = 0;
      for (int i = 0; i < line.length(); i++) {
        run = line.charAt(i) == '`' ? run + 1 : 0;
        longestRun = Math.max(longestRun, run);
      }
    }
    String fence = "`".repeat(longestRun + 1);
    StringBuilder block = new StringBuilder(fence).append("text\n");
    for (String line : lines) {
      block.append(xmlSafe(line).replace("\r", "")).append('\n');
    }
    return block.append(fence).append('\n').toString();
  }
}
