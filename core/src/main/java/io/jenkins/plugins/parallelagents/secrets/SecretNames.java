package io.jenkins.plugins.parallelagents.secrets;

import java.util.List;
import java.util.Locale;

/**
 * Which variable names hold secrets. A name is compared in upper case with camel case split at its
 * humps ({@code apiKey} reads as {@code API_KEY}), and looks secret when it contains one of {@link
 * #MARKERS} or ends with {@code _KEY}.
 */
public final class SecretNames {

  /** Parts of a name that mark its value as secret; the plan format documents the same list. */
  public static final List<String> MARKERS =
      List.of(
          "TOKEN",
          "SECRET",
          "PASSWORD",
          "PASSWD",
          "PASSPHRASE",
          "API_KEY",
          "APIKEY",
          "ACCESS_KEY",
          "CREDENTIAL",
          "PRIVATE",
          "AUTH");

  private SecretNames() {}

  /** Whether a variable (or a configuration key) of this name holds a secret. */
  public static boolean looksSecret(String name) {
    String normal = normalize(name);
    return normal.endsWith("_KEY")
        || normal.equals("KEY")
        || MARKERS.stream().anyMatch(normal::contains);
  }

  /** {@code apiKey}, {@code api-key} and {@code api.key} all become {@code API_KEY}. */
  static String normalize(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replace('-', '_')
        .replace('.', '_')
        .toUpperCase(Locale.ROOT);
  }
}
