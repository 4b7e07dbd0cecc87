package io.jenkins.plugins.parallelagents.guard;

import io.jenkins.plugins.parallelagents.secrets.Redactor;
import io.jenkins.plugins.parallelagents.secrets.SecretNames;
import io.jenkins.plugins.parallelagents.secrets.TokenFormats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in one line of text: tokens in a provider's format anywhere in it, and assignments
 * of a literal value to a secret-looking name ({@code OPENAI_API_KEY=...}, {@code password:
 * "..."}). Returns what was found, each described with the secret masked.
 */
final class SecretLines {

  /**
   * {@code NAME=value}, {@code export NAME=value}, {@code NAME: value}, {@code "name": "value"}:
   * the name, then a quoted value or an unquoted one.
   */
  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "^\\s*(?:export\\s+)?[\"']?([A-Za-z_][A-Za-z0-9_.-]*)[\"']?\\s*[:=]\\s*"
              + "(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'#;,]+))\\s*(?:[#;,].*)?$");

  /**
   * Unquoted values that name something else instead of being the secret: a variable or template
   * reference, or a dotted identifier such as {@code config.apiKey} or {@code process.env.TOKEN}.
   */
  private static final Pattern REFERENCE =
      Pattern.compile(
          "^(?:\\$.*|%.*|<.*>|\\{\\{.*\\}\\}|[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)+"
              + "|[A-Za-z_][A-Za-z0-9_]*\\(.*)$");

  /** Values that stand in for a secret someone still has to fill in. */
  private static final Set<String> PLACEHOLDERS =
      Set.of(
          "changeme",
          "change-me",
          "change_me",
          "replaceme",
          "replace-me",
          "replace_me",
          "placeholder",
          "example",
          "dummy",
          "secret",
          "password",
          "redacted",
          "none",
          "null",
          "true",
          "false",
          "todo",
          "tbd",
          "your-key-here",
          "your_key_here");

  private SecretLines() {}

  /**
   * The secrets in {@code line}, each described as {@code GitHub token ghp_****}.
   *
   * @param run the run's redactor: a line it masks holds a secret of the run's environment or a URL
   *     with credentials
   */
  static List<String> find(String line, Redactor run) {
    List<String> found = new ArrayList<>();
    for (TokenFormats.Match match : TokenFormats.find(line)) {
      found.add(match.format().name() + " " + match.format().masked());
    }
    if (found.isEmpty()) {
      String name = assignedSecretName(line);
      if (name != null) {
        found.add(name + "=" + Redactor.MASK);
      }
    }
    if (found.isEmpty() && !run.redact(line).equals(line)) {
      found.add("environment secret or URL credentials " + Redactor.MASK);
    }
    return found;
  }

  /** The name when {@code line} gives a secret-looking name a real literal value. */
  private static String assignedSecretName(String line) {
    Matcher m = ASSIGNMENT.matcher(line);
    if (!m.matches() || !SecretNames.looksSecret(m.group(1))) {
      return null;
    }
    String unquoted = m.group(4);
    String value = unquoted != null ? unquoted : m.group(2) != null ? m.group(2) : m.group(3);
    if (unquoted != null && REFERENCE.matcher(unquoted).matches()) {
      return null;
    }
    return isPlaceholder(value) ? null : m.group(1);
  }

  static boolean isPlaceholder(String value) {
    String v = value.strip();
    if (v.length() < Redactor.MIN_LENGTH) {
      return true;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    return PLACEHOLDERS.contains(lower)
        || lower.startsWith("${")
        || lower.startsWith("<")
        || lower.startsWith("{{")
        || lower.startsWith("your")
        || lower.chars().allMatch(c -> c == 'x' || c == '*' || c == '.' || c == '-');
  }
}
