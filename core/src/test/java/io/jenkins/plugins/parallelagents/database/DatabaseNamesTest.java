package io.jenkins.plugins.parallelagents.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DatabaseNamesTest {

  private final DatabaseNames names = new DatabaseNames("20260102-101500-ab12");

  @Test
  void longestTaskIds_fitPostgresLimit_andStayApart() {
    String a = "a".repeat(63) + "1";
    String b = "a".repeat(63) + "2";

    assertThat(names.task(a)).isNotEqualTo(names.task(b));
    assertThat(names.task(a).getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
    assertThat(names.task(b)).startsWith(names.prefix()).matches("[a-z0-9_]+");
  }

  @Test
  void longRunId_leavesRoomForTheTask() {
    DatabaseNames longRun = new DatabaseNames("r".repeat(200));

    assertThat(longRun.prefix().length()).isLessThanOrEqualTo(32);
    assertThat(longRun.task("api")).isEqualTo(longRun.prefix() + "t_api");
  }

  @Test
  void taskNamedLikeTheRunsOwnDatabases_doesNotMeetThem() {
    assertThat(names.task("template")).isNotEqualTo(names.template());
    assertThat(names.task("test")).isNotEqualTo(names.test());
    assertThat(names.task("foundation")).isNotEqualTo(names.foundation());
  }

  @Test
  void quoted_doublesQuotes() {
    assertThat(DatabaseNames.quoted("a\"b")).isEqualTo("\"a\"\"b\"");
  }
}
