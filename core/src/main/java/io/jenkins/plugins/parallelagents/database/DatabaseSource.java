package io.jenkins.plugins.parallelagents.database;

import io.jenkins.plugins.parallelagents.plan.DatabaseSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The plan's {@code environment.database} as a run uses it where it runs: a {@code url} written
 * {@code ${NAME}} takes the value of variable {@code NAME}, and a PostgreSQL URL without a password
 * takes libpq's {@code PGPASSWORD}. Both come from the environment the run (or the node's step)
 * starts with, so that a CI binds them from its credentials and no plan file, nor anything the host
 * keeps of the plan, holds the password.
 */
public final class DatabaseSource {

  /** libpq's variable for the password of a connection whose URL has none. */
  public static final String PASSWORD_VARIABLE = "PGPASSWORD";

  /** {@code scheme://user:password@}, the password to take out. */
  private static final Pattern USER_PASSWORD =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)([^/@:]*):[^/@]*@");

  private DatabaseSource() {}

  /**
   * {@code settings} with its URL as this environment gives it; {@code null} for {@code null}.
   *
   * @throws DatabaseException when the variable {@code url} names is not set, or its value is not a
   *     PostgreSQL URL (the message never repeats the value: it may hold a password)
   */
  public static DatabaseSettings resolve(DatabaseSettings settings, Map<String, String> environment)
      throws DatabaseException {
    if (settings == null) {
      return null;
    }
    String url = settings.url();
    String variable = settings.urlVariable();
    if (variable != null) {
      url = environment.get(variable);
      if (url == null || url.isBlank()) {
        throw new DatabaseException(
            "environment.database.url is ${"
                + variable
                + "}, and "
                + variable
                + " is not set in the environment the run starts with");
      }
    }
    if (settings.commands() != null) {
      return settings.withUrl(url);
    }
    DatabaseUrl parsed;
    try {
      parsed = DatabaseUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw new DatabaseException(
          (variable == null ? "environment.database.url" : variable) + ": " + e.getMessage());
    }
    String password = environment.get(PASSWORD_VARIABLE);
    if (parsed.password() == null && password != null && !password.isEmpty()) {
      // A parameter, as libpq reads it too: the URL may have no user to put it after.
      String parameter =
          "password=" + URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
      parsed =
          new DatabaseUrl(
              parsed.scheme(),
              parsed.userInfo(),
              parsed.host(),
              parsed.port(),
              parsed.database(),
              parsed.query() == null ? parameter : parsed.query() + "&" + parameter);
    }
    return settings.withUrl(parsed.withSecret());
  }

  /** {@link #resolve}, or {@code settings} as written when it cannot be: for masking only. */
  public static DatabaseSettings resolvedOrAsWritten(
      DatabaseSettings settings, Map<String, String> environment) {
    try {
      return resolve(settings, environment);
    } catch (DatabaseException e) {
      return settings;
    }
  }

  /**
   * {@code value} with the password of a URL taken out: {@code user:password@} becomes {@code
   * user@}, a {@code password} parameter goes. Any other value as it is.
   */
  public static String withoutPassword(String value) {
    String url = USER_PASSWORD.matcher(value).replaceFirst("$1$2@");
    int question = url.indexOf('?');
    if (question < 0 || !url.contains("://")) {
      return url;
    }
    String kept =
        Arrays.stream(url.substring(question + 1).split("&"))
            .filter(pair -> !pair.toLowerCase(Locale.ROOT).startsWith("password="))
            .collect(Collectors.joining("&"));
    return url.substring(0, question) + (kept.isEmpty() ? "" : "?" + kept);
  }

  /** Whether {@code settings}' URL, as the plan writes it, holds a password of its own. */
  public static boolean holdsPassword(DatabaseSettings settings) {
    if (settings.urlVariable() != null) {
      return false;
    }
    if (settings.commands() != null) {
      return CommandDatabases.password(settings.url()) != null;
    }
    try {
      return DatabaseUrl.parse(settings.url()).password() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
