package io.jenkins.plugins.parallelagents.testing;

import io.jenkins.plugins.parallelagents.database.ThrowawayServer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server for tests ({@link ThrowawayServer}), with the queries tests make.
 * The tests skip where PostgreSQL is not installed, unless {@code
 * PARALLEL_AGENTS_REQUIRE_POSTGRES=1} (CI), where they fail instead.
 */
public final class Postgres implements AutoCloseable {

  /** Trust authentication takes any password: tests can still check where it leaks. */
  public static final String USER = ThrowawayServer.USER;

  private final ThrowawayServer server;

  private Postgres(ThrowawayServer server) {
    this.server = server;
  }

  /** Starts a server, or skips the test (fails it in CI) when PostgreSQL is missing. */
  public static Postgres start() throws IOException, InterruptedException {
    Path bin = ThrowawayServer.binaries();
    if (bin == null) {
      String missing = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)";
      if ("1".equals(System.getenv("PARALLEL_AGENTS_REQUIRE_POSTGRES"))) {
        throw new AssertionError(missing + ", and PARALLEL_AGENTS_REQUIRE_POSTGRES=1");
      }
      Assumptions.abort(missing);
    }
    return new Postgres(ThrowawayServer.start(bin));
  }

  /** The URL of database {@code database}, with {@code password} in it. */
  public String url(String password, String database) {
    return server.url(password, database);
  }

  public int port() {
    return server.port();
  }

  /** The server's databases whose names start with {@code prefix}. */
  public List<String> databases(String prefix) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database ORDER BY 1")) {
      while (rows.next()) {
        if (rows.getString(1).startsWith(prefix)) {
          names.add(rows.getString(1));
        }
      }
    }
    return names;
  }

  /** The first column of the first row of {@code sql} in {@code database}. */
  public String query(String database, String sql) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  /** Runs {@code sql} in {@code database}. */
  public void execute(String database, String sql) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port() + "/" + database, USER, "");
  }

  @Override
  public void close() throws IOException, InterruptedException {
    server.close();
  }
}
