package io.jenkins.plugins.parallelagents.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The formats of the major providers' API keys and tokens: a fixed prefix, then enough random
 * characters that nothing else looks like them. Each format keeps its prefix when masked ({@code
 * ghp_****}), so that a reader still learns which kind of secret it was.
 */
public final class TokenFormats {

  /** One provider's format. */
  public record Format(String name, String prefix, Pattern pattern) {

    /** How a match of this format reads once masked: its prefix and {@value Redactor#MASK}. */
    public String masked() {
      return prefix + Redactor.MASK;
    }
  }

  /** A match of a format in a line: where it starts and ends, and the format. */
  public record Match(int start, int end, Format format) {}

  /**
   * More specific formats first: an Anthropic key ({@code sk-ant-}) also has the shape of an OpenAI
   * one ({@code sk-}), and the first format that matches a stretch of text names it.
   */
  public static final List<Format> ALL =
      List.of(
          format("AWS access key id", "AKIA", "\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b"),
          format("GitHub token", "ghp_", "\\bghp_[A-Za-z0-9]{36,255}\\b"),
          format("GitHub token", "gho_", "\\bgho_[A-Za-z0-9]{36,255}\\b"),
          format("GitHub token", "ghs_", "\\bghs_[A-Za-z0-9]{36,255}\\b"),
          format("GitHub token", "ghu_", "\\bghu_[A-Za-z0-9]{36,255}\\b"),
          format("GitHub token", "ghr_", "\\bghr_[A-Za-z0-9]{36,255}\\b"),
          format("GitHub token", "github_pat_", "\\bgithub_pat_[A-Za-z0-9_]{22,255}\\b"),
          format("GitLab token", "glpat-", "\\bglpat-[A-Za-z0-9_-]{20,}"),
          format("Anthropic API key", "sk-ant-", "\\bsk-ant-[A-Za-z0-9_-]{20,}"),
          // A digit is required so that long hyphenated words (sk-loading-spinner-...) pass.
          format(
              "OpenAI API key",
              "sk-",
              "\\bsk-(?:proj-|svcacct-|admin-)?(?=[A-Za-z_-]*[0-9])[A-Za-z0-9_-]{20,}"),
          format("Google API key", "AIza", "\\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])"),
          format("Slack token", "xox", "\\bxox[abposr]-[0-9A-Za-z-]{10,}"),
          format("Stripe key", "sk_live_", "\\bsk_live_[0-9A-Za-z]{20,}"),
          format("Stripe key", "rk_live_", "\\brk_live_[0-9A-Za-z]{20,}"),
          format("npm token", "npm_", "\\bnpm_[A-Za-z0-9]{36}\\b"),
          format(
              "private key",
              "-----BEGIN ",
              "-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----"));

  private TokenFormats() {}

  private static Format format(String name, String prefix, String regex) {
    return new Format(name, prefix, Pattern.compile(regex));
  }

  /** Every token in {@code line}, left to right, none overlapping another. */
  public static List<Match> find(String line) {
    List<Match> found = new ArrayList<>();
    for (Format format : ALL) {
      Matcher m = format.pattern().matcher(line);
      while (m.find()) {
        int start = m.start();
        int end = m.end();
        if (found.stream().noneMatch(f -> f.start() < end && start < f.end())) {
          found.add(new Match(start, end, format));
        }
      }
    }
    found.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return found;
  }

  /** {@code line} with every token replaced by its masked form. */
  public static String mask(String line) {
    List<Match> found = find(line);
    if (found.isEmpty()) {
      return line;
    }
    StringBuilder out = new StringBuilder(line.length());
    int at = 0;
    for (Match match : found) {
      out.append(line, at, match.start()).append(match.format().masked());
      at = match.end();
    }
    return out.append(line, at, line.length()).toString();
  }
}
