package io.jenkins.plugins.parallelagents.plan;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a branch name against the rules of {@code git check-ref-format} that a hand-written name
 * can break, so that a bad {@code target} fails at validation rather than at publish time.
 */
public final class BranchName {

  /** One rule: a regular expression fragment the name must not match, and the reason in words. */
  private record Rule(String forbidden, String reason) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule("-", "it starts with '-'"),
          new Rule("/", "it starts with '/'"),
          new Rule(".*/$", "it ends with '/'"),
          new Rule(".*\\.$", "it ends with '.'"),
          new Rule("\\.|.*/\\.", "a part of it starts with '.'"),
          new Rule(".*\\.\\.", "it contains '..'"),
          new Rule(".*//", "it contains '//'"),
          new Rule(".*@\\{", "it contains '@{'"),
          new Rule(".*\\.lock(?:/|$)", "a part of it ends with '.lock'"),
          new Rule("@$", "it is '@'"),
          new Rule(
              ".*[\\x00-\\x20\\x7f~^:?*\\[\\\\]",
              "it contains a space, a control character or one of ~ ^ : ? * [ \\"));

  /**
   * The whole check as one regular expression, which the plan schema carries too: each rule becomes
   * a negative lookahead anchored at the start.
   */
  static final String PATTERN = pattern();

  private static final Pattern COMPILED = Pattern.compile(PATTERN);

  private BranchName() {}

  /** Why {@code name} cannot be a branch name, or empty when it can. */
  public static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of("it is empty");
    }
    if (COMPILED.matcher(name).matches()) {
      return Optional.empty();
    }
    for (Rule rule : RULES) {
      if (Pattern.compile(rule.forbidden(), Pattern.DOTALL).matcher(name).lookingAt()) {
        return Optional.of(rule.reason());
      }
    }
    return Optional.of("it is not a valid branch name");
  }

  private static String pattern() {
    StringBuilder regex = new StringBuilder("^");
    for (Rule rule : RULES) {
      regex.append("(?!").append(rule.forbidden()).append(')');
    }
    return regex.append(".+$").toString();
  }
}
