package io.jenkins.plugins.parallelagents.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The label names in a Jenkins label expression ({@code linux && !"my label"}), read as Jenkins'
 * label lexer reads them: a run of characters other than operators, parentheses, blanks and quotes
 * (a {@code -} only when no {@code >} follows it), or a double-quoted string.
 */
final class LabelAtoms {

  private static final Pattern TOKEN =
      Pattern.compile("\"((?:\\\\.|[^\\\\\"\\r\\n])*)\"|((?:-(?!>)|[^&|!<>() \\t\"'-])+)");

  /** Characters a label name may hold and still be written without quotes. */
  private static final Pattern PLAIN = Pattern.compile("(?:-(?!>)|[^&|!<>() \\t\"'-])+");

  private LabelAtoms() {}

  static List<String> of(String expression) {
    List<String> atoms = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(expression);
    while (matcher.find()) {
      atoms.add(
          matcher.group(1) != null
              ? matcher.group(1).replaceAll("\\\\(.)", "$1")
              : matcher.group(2));
    }
    return atoms;
  }

  /**
   * {@code name} as it is written in an expression: quoted when it holds an operator's character.
   */
  static String escaped(String name) {
    if (PLAIN.matcher(name).matches()) {
      return name;
    }
    return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
