package io.jenkins.plugins.parallelagents.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.plan.DatabaseSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a run takes its database's URL and password from: the plan, or its environment. */
class DatabaseSourceTest {

  private static DatabaseSettings settings(String url) {
    return new DatabaseSettings(url, List.of());
  }

  @Test
  void aReference_takesTheWholeUrlFromItsVariable() throws Exception {
    DatabaseSettings resolved =
        DatabaseSource.resolve(
            settings("${DB_URL}"), Map.of("DB_URL", "postgresql://app:s3cret-x@db:5432/app"));

    assertThat(resolved.url()).isEqualTo("postgresql://app:s3cret-x@db:5432/app");
  }

  @Test
  void anUnsetVariable_orOneThatIsNoUrl_isNamed_neverItsValue() {
    assertThatThrownBy(() -> DatabaseSource.resolve(settings("${DB_URL}"), Map.of()))
        .isInstanceOf(DatabaseException.class)
        .hasMessage(
            "environment.database.url is ${DB_URL}, and DB_URL is not set in the environment the"
                + " run starts with");
    assertThatThrownBy(
            () ->
                DatabaseSource.resolve(
                    settings("${DB_URL}"), Map.of("DB_URL", "mysql://u:hunter22@h/db")))
        .isInstanceOf(DatabaseException.class)
        .hasMessage("DB_URL: the database URL must start with postgresql://")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter22"));
  }

  @Test
  void aUrlWithoutPassword_takesPgpassword_asAParameterLibpqReads() throws Exception {
    DatabaseSettings resolved =
        DatabaseSource.resolve(
            settings("postgresql://app@db:5432/app?sslmode=require"),
            Map.of("PGPASSWORD", "p&ss word+1"));

    DatabaseUrl url = DatabaseUrl.parse(resolved.url());
    assertThat(url.password()).isEqualTo("p&ss word+1");
    assertThat(url.jdbcProperties()).containsEntry("sslmode", "require");
    assertThat(url.toString()).doesNotContain("p&ss");
  }

  @Test
  void aPasswordInTheUrl_winsOverPgpassword() throws Exception {
    DatabaseSettings resolved =
        DatabaseSource.resolve(
            settings("postgresql://app:own-pass@db/app"), Map.of("PGPASSWORD", "other-pass"));

    assertThat(DatabaseUrl.parse(resolved.url()).password()).isEqualTo("own-pass");
  }

  @Test
  void withoutPassword_takesItOutOfTheUserInformationAndTheParameters() {
    assertThat(DatabaseSource.withoutPassword("postgresql://app:s3cret@db:5432/app"))
        .isEqualTo("postgresql://app@db:5432/app");
    assertThat(
            DatabaseSource.withoutPassword(
                "postgresql://db/app?sslmode=require&password=s3cret&options=x"))
        .isEqualTo("postgresql://db/app?sslmode=require&options=x");
    assertThat(DatabaseSource.withoutPassword("postgresql://db/app?PASSWORD=s3cret"))
        .isEqualTo("postgresql://db/app");
    assertThat(DatabaseSource.withoutPassword("db_name")).isEqualTo("db_name");
  }

  @Test
  void holdsPassword_tellsAPasswordWrittenInThePlan() {
    assertThat(DatabaseSource.holdsPassword(settings("postgresql://app:x@db/app"))).isTrue();
    assertThat(DatabaseSource.holdsPassword(settings("postgresql://db/app?password=x"))).isTrue();
    assertThat(DatabaseSource.holdsPassword(settings("postgresql://app@db/app"))).isFalse();
    assertThat(DatabaseSource.holdsPassword(settings("${DB_URL}"))).isFalse();
  }
}
