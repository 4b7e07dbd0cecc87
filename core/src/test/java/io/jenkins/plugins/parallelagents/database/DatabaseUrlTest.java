package io.jenkins.plugins.parallelagents.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void shown_masksPasswordOfUserInfoAndOfParameter() {
    DatabaseUrl url =
        DatabaseUrl.parse(
            "postgresql://app:s%40cret-1@db.local/app?sslmode=require&password=p4ss-2");

    assertThat(url.toString())
        .isEqualTo("postgresql://app:****@db.local:5432/app?sslmode=require&password=****");
    assertThat(url.password()).isEqualTo("s@cret-1");
    assertThat(url.user()).isEqualTo("app");
  }

  @Test
  void passwordOnlyAsParameter_isTheOneUsed_andMasked() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://db:6543/app?user=me&password=p4ss-2");

    assertThat(url.password()).isEqualTo("p4ss-2");
    assertThat(url.user()).isEqualTo("me");
    assertThat(url.withDatabase("other").toString())
        .isEqualTo("postgres://db:6543/other?user=me&password=****");
    assertThat(url.withDatabase("other").withSecret()).contains("password=p4ss-2");
  }

  @Test
  void wrongUrl_isRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:hunter22@h/db"))
        .hasMessage("the database URL must start with postgresql://")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter22"));
  }
}
