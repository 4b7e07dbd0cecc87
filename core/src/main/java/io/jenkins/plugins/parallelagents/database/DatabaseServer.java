package io.jenkins.plugins.parallelagents.database;

import io.jenkins.plugins.parallelagents.plan.DatabaseSettings;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL server of a plan's {@code environment.database}: creates and drops the run's
 * databases over JDBC. Each call opens its own connection to the database the URL names, never to
 * one of the run's own: a database being copied or dropped must have no connection at all.
 */
public final class DatabaseServer implements DatabaseMaker {

  /** Stateless and thread-safe, as JDBC drivers are. */
  private static final Driver DRIVER = new org.postgresql.Driver();

  private final DatabaseUrl url;

  public DatabaseServer(DatabaseUrl url) {
    this.url = url;
  }

  public DatabaseUrl url() {
    return url;
  }

  /** Connects once, to tell an unreachable server or a refused login before any agent runs. */
  @Override
  public void check() throws DatabaseException {
    try (Connection connection = connect()) {
      connection.isValid(10);
    } catch (SQLException e) {
      throw failure("cannot connect to the database server " + url, e);
    }
  }

  /**
   * Creates {@code name} as a copy of {@code template}, or empty when {@code template} is {@code
   * null}; an earlier database of that name is dropped first. PostgreSQL copies only a template
   * nobody is connected to, so the template's leftover connections (a server a step started, say)
   * are ended first.
   */
  @Override
  public void create(String name, String template) throws DatabaseException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      dropIn(connection, name);
      if (template != null) {
        terminate(connection, template);
      }
      statement.execute(
          "CREATE DATABASE "
              + DatabaseNames.quoted(name)
              + (template == null ? "" : " TEMPLATE " + DatabaseNames.quoted(template)));
    } catch (SQLException e) {
      throw failure(
          "cannot create database "
              + name
              + (template == null ? "" : " from " + template)
              + " on "
              + url,
          e);
    }
  }

  /** Drops {@code name} if it exists, ending its connections first. */
  @Override
  public void drop(String name) throws DatabaseException {
    try (Connection connection = connect()) {
      dropIn(connection, name);
    } catch (SQLException e) {
      throw failure("cannot drop database " + name + " on " + url, e);
    }
  }

  @Override
  public boolean exists(String name) throws DatabaseException {
    return databases(name).contains(name);
  }

  /**
   * {@code DATABASE_URL} and libpq's {@code PG*} variables, so that {@code psql} and most drivers
   * connect with no argument.
   */
  @Override
  public Map<String, String> variables(String name) {
    DatabaseUrl database = url.withDatabase(name);
    Map<String, String> env = new LinkedHashMap<>();
    env.put(DatabaseSettings.URL_VARIABLE, database.withSecret());
    env.put("PGHOST", database.host());
    env.put("PGPORT", Integer.toString(database.port()));
    env.put("PGDATABASE", name);
    if (database.user() != null) {
      env.put("PGUSER", database.user());
    }
    if (database.password() != null) {
      env.put("PGPASSWORD", database.password());
    }
    return env;
  }

  @Override
  public String shown(String name) {
    return url.withDatabase(name).toString();
  }

  @Override
  public DatabaseLedger.Dropper dropper() {
    return new DatabaseLedger.Dropper(url.withSecret(), null, null);
  }

  /** The server's databases whose names start with {@code prefix}. */
  public List<String> databases(String prefix) throws DatabaseException {
    try (Connection connection = connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT datname FROM pg_database WHERE starts_with(datname, ?) ORDER BY 1")) {
      query.setString(1, prefix);
      List<String> names = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      return names;
    } catch (SQLException e) {
      throw failure("cannot list the databases on " + url, e);
    }
  }

  private static void dropIn(Connection connection, String name) throws SQLException {
    terminate(connection, name);
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DatabaseNames.quoted(name));
    }
  }

  /** Ends every other session connected to {@code name}. */
  private static void terminate(Connection connection, String name) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
      statement.setString(1, name);
      statement.execute();
    }
  }

  private Connection connect() throws SQLException {
    // The driver itself, not DriverManager: its registry is global to the JVM and blind to the
    // class loaders of a Jenkins plugin.
    Connection connection = DRIVER.connect(url.jdbc(), url.jdbcProperties());
    if (connection == null) {
      throw new SQLException("the PostgreSQL driver does not accept " + url);
    }
    return connection;
  }

  /** The driver's own words, which name host and port but never the password. */
  private DatabaseException failure(String what, SQLException e) {
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String password = url.password();
    if (password != null && !password.isEmpty()) {
      reason = reason.replace(password, "****");
    }
    return new DatabaseException(what + ": " + reason);
  }
}
