package io.jenkins.plugins.parallelagents.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.testing.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server's statements against a real PostgreSQL. */
class DatabaseServerTest {

  private static Postgres postgres;

  @BeforeAll
  static void startServer() throws Exception {
    postgres = Postgres.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void nameWithQuotesAndSql_isOneDatabase_createdAndDropped() throws Exception {
    DatabaseServer server = new DatabaseServer(DatabaseUrl.parse(postgres.url("pw", "postgres")));
    String hostile = "pa_x\"; DROP DATABASE postgres; --";

    server.create(hostile, null);

    assertThat(postgres.databases("pa_x")).containsExactly(hostile);
    assertThat(postgres.databases("postgres")).contains("postgres");
    server.drop(hostile);
    assertThat(postgres.databases("pa_x")).isEmpty();
  }

  @Test
  void copyOfTemplate_endsTheTemplatesOtherConnectionsFirst() throws Exception {
    DatabaseServer server = new DatabaseServer(DatabaseUrl.parse(postgres.url("pw", "postgres")));
    server.create("pa_busy", null);
    postgres.execute("pa_busy", "CREATE TABLE kept(id int)");

    try (java.sql.Connection open =
        java.sql.DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/pa_busy", Postgres.USER, "")) {
      server.create("pa_busy_copy", "pa_busy");
      assertThat(open.isValid(2)).isFalse();
    }

    assertThat(
            postgres.query(
                "pa_busy_copy", "SELECT count(*) FROM pg_tables WHERE tablename = 'kept'"))
        .isEqualTo("1");
    server.drop("pa_busy_copy");
    server.drop("pa_busy");
  }

  @Test
  void urlDemandingTls_isNotConnectedToWithoutIt() {
    // The test server has no TLS: psql refuses this URL, and so must the engine, which would
    // otherwise send the login to a server the user asked to be sure of.
    DatabaseServer server =
        new DatabaseServer(DatabaseUrl.parse(postgres.url("pw", "postgres") + "?sslmode=require"));

    assertThatThrownBy(server::check)
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("cannot connect to the database server")
        .hasMessageContaining("SSL");
  }

  @Test
  void optionsParameter_reachesTheEnginesOwnConnection() throws Exception {
    // The server refuses an unknown setting in options, as it refuses psql's connection.
    DatabaseServer server =
        new DatabaseServer(
            DatabaseUrl.parse(
                postgres.url("pw", "postgres") + "?options=-c%20no_such_setting%3D1"));

    assertThatThrownBy(server::check)
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("no_such_setting");
  }

  @Test
  void driverPropertiesThatLoadClasses_areNotTakenFromTheUrl() throws Exception {
    // libpq knows no socketFactory; the JDBC driver would load the class the URL names.
    DatabaseServer server =
        new DatabaseServer(
            DatabaseUrl.parse(
                postgres.url("pw", "postgres") + "?socketFactory=no.such.Factory&sslmode=disable"));

    server.check();
    server.create("pa_factory", null);
    assertThat(postgres.databases("pa_factory")).containsExactly("pa_factory");
    server.drop("pa_factory");
  }
}
