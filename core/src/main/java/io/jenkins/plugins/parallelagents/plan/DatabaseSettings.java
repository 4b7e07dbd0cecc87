package io.jenkins.plugins.parallelagents.plan;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan's {@code environment.database}: a PostgreSQL server the user runs, from which the run
 * makes a database of its own for the foundation, a template of the migrated foundation, and a
 * database per task and per combined test.
 *
 * @param url {@code postgresql://user:password@host:port/database}; the server is used, the named
 *     database only to connect; it holds the password, so it is shown redacted only. Or {@code
 *     ${NAME}}: the URL is the value of variable {@code NAME} where the run starts, so that a CI
 *     can bind it from its credentials and no plan file holds the password
 * @param variables more variable names that get each task's database URL, besides {@code
 *     DATABASE_URL}
 * @param commands for an engine other than PostgreSQL, the commands that make and drop its
 *     databases, and then {@code url} is the URL of database {@code {name}}; {@code null} for
 *     PostgreSQL, which the run drives itself
 */
public record DatabaseSettings(String url, List<String> variables, DatabaseCommands commands) {

  /** The variable every step gets its database URL in. */
  public static final String URL_VARIABLE = "DATABASE_URL";

  /** A {@code url} that is the value of an environment variable: {@code ${NAME}}, whole. */
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

  public DatabaseSettings {
    Objects.requireNonNull(url);
    variables = List.copyOf(variables);
  }

  /** A PostgreSQL server, which the run drives itself. */
  public DatabaseSettings(String url, List<String> variables) {
    this(url, variables, null);
  }

  /**
   * The variable {@code url} is taken from, when it is written {@code ${NAME}}; else {@code null}.
   */
  public String urlVariable() {
    Matcher m = REFERENCE.matcher(url.strip());
    return m.matches() ? m.group(1) : null;
  }

  /** The same settings with {@code url} as the run uses it. */
  public DatabaseSettings withUrl(String resolved) {
    return new DatabaseSettings(resolved, variables, commands);
  }

  @Override
  public String toString() {
    // A record's toString would print the password in exceptions and logs.
    return "DatabaseSettings[variables=" + variables + "]";
  }
}
