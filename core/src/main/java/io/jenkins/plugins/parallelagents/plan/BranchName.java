package io.jenkins.plugins.parallelagents.plan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;

/**
 * Checks a branch name against the rules of {@code git check-ref-format} that a hand-written name
 * can break, and against the names git would read as something else ({@code HEAD}, {@code
 * refs/...}), so that a bad {@code target} fails at validation rather than at publish time.
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
          // Legal as branches, but git reads them as the current commit or as a full ref name:
          // a run would then create refs/heads/HEAD or refs/heads/refs/heads/main.
          new Rule("HEAD$", "it is 'HEAD', which git reads as the current commit"),
          new Rule("refs/", "it starts with 'refs/'; write the branch name without it"),
          new Rule(
              ".*[\\x00-\\x20\\x7f~^:?*\\[\\\\]",
              "it contains a space, a control character or one of ~ ^ : ? * [ \\"));

  /**
   * The whole check as one regular expression, which the plan schema carries too: each rule becomes
   * a negative lookahead anchored at the start.
   */
  static final String PATTERN = pattern();

  /**
   * The longest name, in UTF-8 bytes: git keeps a branch as a file named after it, and file names
   * end at 255 bytes on common file systems.
   */
  public static final int MAX_BYTES = 255;

  private static final Pattern COMPILED = Pattern.compile(PATTERN);

  private BranchName() {}

  /** Why {@code name} cannot be a branch name, or empty when it can. */
  public static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of("it is empty");
    }
    if (COMPILED.matcher(name).matches()) {
      return beyondPattern(name);
    }
    for (Rule rule : RULES) {
      if (Pattern.compile(rule.forbidden(), Pattern.DOTALL).matcher(name).lookingAt()) {
        return Optional.of(rule.reason());
      }
    }
    return Optional.of("it is not a valid branch name");
  }

  /**
   * What the pattern cannot say: the length, and JGit's reading of git's rules as the last word.
   */
  private static Optional<String> beyondPattern(String name) {
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return Optional.of("it is " + bytes + " bytes long; git allows at most " + MAX_BYTES);
    }
    if (!Repository.isValidRefName("refs/heads/" + name)) {
      return Optional.of("git does not accept it as a branch name");
    }
    return Optional.empty();
  }

  private static String pattern() {
    StringBuilder regex = new StringBuilder("^");
    for (Rule rule : RULES) {
      regex.append("(?!").append(rule.forbidden()).append(')');
    }
    return regex.append(".+$").toString();
  }
}
