package io.jenkins.plugins.parallelagents.secrets;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks secrets in text the engine writes or reports: the values of secret-looking environment
 * variables (see {@link SecretNames}) and of variables the plan names, credentials inside URLs
 * ({@code https://user:token@host} becomes {@code https://****@host}), and tokens in the formats of
 * {@link TokenFormats}. Immutable and safe to share between threads.
 */
public final class Redactor {

  /** What a secret is replaced with. */
  public static final String MASK = "****";

  /**
   * Shorter values are left alone: masking a variable whose value is {@code 1} or {@code true}
   * would mask every such word of every log and hide nothing worth hiding.
   */
  public static final int MIN_LENGTH = 6;

  /** Masks nothing: for hosts and tests that have no secrets to hide. */
  public static final Redactor NONE = new Redactor(null, false);

  /**
   * The user information of a URL: {@code user:password@}, and for http(s) also a lone {@code
   * token@}, the form tokens take as a user name. {@code ssh://git@host} keeps its plain user.
   */
  private static final Pattern URL_CREDENTIALS =
      Pattern.compile(
          "(?i)\\b([a-z][a-z0-9+.-]*://)(?:[^/\\s:@\"'<>]+:[^/\\s@\"'<>]*|(?<=https?://)"
              + "[^/\\s:@\"'<>]+)@");

  private final Pattern values;
  private final boolean active;

  private Redactor(Pattern values, boolean active) {
    this.values = values;
    this.active = active;
  }

  /**
   * A redactor for a run.
   *
   * @param environment the run's environment: values of secret-looking names are masked
   * @param extraNames more variables whose values are masked, whatever their names
   */
  public static Redactor of(Map<String, String> environment, Collection<String> extraNames) {
    Set<String> secrets = new LinkedHashSet<>();
    environment.forEach(
        (name, value) -> {
          if (value != null
              && value.length() >= MIN_LENGTH
              && (SecretNames.looksSecret(name) || extraNames.contains(name))) {
            secrets.addAll(maskedForms(value));
          }
        });
    if (secrets.isEmpty()) {
      return new Redactor(null, true);
    }
    // Longest first: a value that contains another must be masked whole, not around the shorter.
    String alternatives =
        secrets.stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    return new Redactor(Pattern.compile(alternatives), true);
  }

  /**
   * Every form of a secret value that is masked: the value, its lines (see {@link #forms}) and how
   * each is escaped in the reports and URLs (see {@link #escapedForms}).
   */
  static Set<String> maskedForms(String value) {
    Set<String> masked = new LinkedHashSet<>();
    for (String form : forms(value)) {
      masked.add(form);
      masked.addAll(escapedForms(form));
    }
    return masked;
  }

  /**
   * The value as it is, without the surrounding whitespace, and each of its lines: logs are masked
   * line by line, so the lines of a key file's body must be known on their own, and a value read
   * from a file often ends with a newline that the printed text does not have.
   */
  private static Set<String> forms(String value) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(value);
    for (String line : value.strip().split("\\R")) {
      if (line.strip().length() >= MIN_LENGTH) {
        forms.add(line.strip());
      }
    }
    return forms;
  }

  /**
   * The forms a value takes inside the JSON, HTML and XML reports and inside URLs, so that escaping
   * a quote or an ampersand does not let the value through. A token with a {@code /} or {@code +}
   * in it is percent-encoded in a URL's query and may have its slashes escaped in JSON.
   */
  private static List<String> escapedForms(String value) {
    String json = new String(JsonStringEncoder.getInstance().quoteAsString(value));
    String html =
        value
            .replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;")
            .replace("'", "&#39;");
    String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
    return List.of(json, html, url, url.replace("+", "%20"), json.replace("/", "\\/"));
  }

  /** {@code text} with every secret replaced by {@value #MASK}; {@code null} stays {@code null}. */
  public String redact(String text) {
    if (!active || text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    if (values != null) {
      out = values.matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
    }
    out = URL_CREDENTIALS.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
    return TokenFormats.mask(out);
  }

  /**
   * {@link #redact} for a line cut short: also masks the end of the line from where a secret may
   * start that the cut left too short to be recognised: a secret value ({@value #MIN_LENGTH}
   * characters or more of it), a URL's credentials or a token of {@link TokenFormats}.
   */
  public String redactCut(String line) {
    String out = redact(line);
    if (!active || out == null) {
      return out;
    }
    List<Pattern> patterns = new java.util.ArrayList<>();
    patterns.add(URL_CREDENTIALS);
    TokenFormats.ALL.forEach(format -> patterns.add(format.pattern()));
    // Tokens and credentials show their prefix well before their end; a value may be any length.
    int from = Math.max(0, out.length() - 512);
    for (int start = 0; start < out.length(); start++) {
      boolean cutShort =
          values != null
              && start <= out.length() - MIN_LENGTH
              && startsCutShort(values, out, start);
      for (int p = 0; p < patterns.size() && !cutShort && start >= from; p++) {
        cutShort = startsCutShort(patterns.get(p), out, start);
      }
      if (cutShort) {
        return out.substring(0, start) + MASK;
      }
    }
    return out;
  }

  /** Whether a match of {@code pattern} at {@code start} ran out of text before it could end. */
  private static boolean startsCutShort(Pattern pattern, String text, int start) {
    Matcher m = pattern.matcher(text).useTransparentBounds(true).region(start, text.length());
    return !m.lookingAt() && m.hitEnd();
  }
}
