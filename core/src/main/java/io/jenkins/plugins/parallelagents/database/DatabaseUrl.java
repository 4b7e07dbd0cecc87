package io.jenkins.plugins.parallelagents.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A PostgreSQL connection URL as libpq and most frameworks read it: {@code
 * postgresql://user:password@host:port/database?param=value}. Its {@link #toString()} never shows
 * the password; {@link #withSecret()} is for the processes that must connect, and nothing else.
 *
 * @param userInfo {@code user} or {@code user:password} as written (percent-encoded), or {@code
 *     null}
 * @param query the parameters after {@code ?} as written, or {@code null}
 */
public record DatabaseUrl(
    String scheme, String userInfo, String host, int port, String database, String query) {

  private static final int DEFAULT_PORT = 5432;

  /** The libpq parameters the JDBC driver knows by the same name and meaning. */
  private static final java.util.Set<String> LIBPQ_PARAMETERS =
      java.util.Set.of("sslmode", "sslcert", "sslkey", "sslrootcert", "sslpassword", "options");

  /** {@code password=...} among the parameters, up to the next {@code &}. */
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(^|&)(password)=[^&]*");

  /**
   * Reads {@code url}.
   *
   * @throws IllegalArgumentException naming what is wrong, never repeating the URL (it may hold a
   *     password)
   */
  public static DatabaseUrl parse(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the database URL is not a URL");
    }
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw new IllegalArgumentException("the database URL must start with postgresql://");
    }
    String path = uri.getRawPath();
    if (uri.getHost() == null || path == null || path.length() <= 1) {
      throw new IllegalArgumentException("the database URL names no host or no database");
    }
    return new DatabaseUrl(
        uri.getScheme(),
        uri.getRawUserInfo(),
        uri.getHost(),
        uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
        decode(path.substring(1)),
        uri.getRawQuery());
  }

  /** The same server, connecting to {@code name} instead. */
  public DatabaseUrl withDatabase(String name) {
    return new DatabaseUrl(scheme, userInfo, host, port, name, query);
  }

  /** The user name, or {@code null}. */
  public String user() {
    if (userInfo == null) {
      return parameters().get("user");
    }
    int colon = userInfo.indexOf(':');
    return decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
  }

  /** The password, from the user information or the {@code password} parameter, or {@code null}. */
  public String password() {
    if (userInfo != null && userInfo.indexOf(':') >= 0) {
      return decode(userInfo.substring(userInfo.indexOf(':') + 1));
    }
    return parameters().get("password");
  }

  /** The URL for a JDBC connection; user and password go in {@link #jdbcProperties()}. */
  public String jdbc() {
    return "jdbc:postgresql://" + hostPort() + "/" + encode(database);
  }

  /**
   * User, password and the URL's TLS and session parameters for the JDBC driver, kept out of the
   * URL it may quote in errors. The engine's own connection must honour the {@code sslmode} and
   * {@code options} that libpq honours for the steps; the driver takes these under libpq's names.
   * Only these: others of the driver's properties name classes it would load.
   */
  public Properties jdbcProperties() {
    Properties properties = new Properties();
    parameters()
        .forEach(
            (name, value) -> {
              if (LIBPQ_PARAMETERS.contains(name)) {
                properties.setProperty(name, value);
              }
            });
    if (user() != null) {
      properties.setProperty("user", user());
    }
    if (password() != null) {
      properties.setProperty("password", password());
    }
    properties.setProperty("connectTimeout", "10");
    properties.setProperty("ApplicationName", "parallel-agents");
    return properties;
  }

  /** The whole URL with its password, for the steps that connect. */
  public String withSecret() {
    return format(userInfo, query);
  }

  /** The URL with the password masked, for reports, logs and messages. */
  @Override
  public String toString() {
    String user = userInfo == null ? null : userInfo.replaceFirst(":.*", ":****");
    String params =
        query == null ? null : PASSWORD_PARAMETER.matcher(query).replaceAll("$1$2=****");
    return format(user, params);
  }

  private String format(String user, String params) {
    return scheme
        + "://"
        + (user == null ? "" : user + "@")
        + hostPort()
        + "/"
        + encode(database)
        + (params == null ? "" : "?" + params);
  }

  private String hostPort() {
    String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return shown + ":" + port;
  }

  private Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          parameters.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
      }
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String encode(String name) {
    // Database names made here are plain identifiers; the user's may need escaping.
    return java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
