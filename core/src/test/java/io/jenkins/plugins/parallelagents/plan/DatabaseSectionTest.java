package io.jenkins.plugins.parallelagents.plan;

import static io.jenkins.plugins.parallelagents.plan.PlanTexts.parse;
import static io.jenkins.plugins.parallelagents.plan.PlanTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseSectionTest {

  private static final String HEAD = "version: 1\nname: demo\ntasks: [{id: a, prompt: p}]\n";

  @Test
  void noSection_noDatabase() throws Exception {
    assertThat(parse(HEAD).environment().database()).isNull();
  }

  @Test
  void everyKey_isRead() throws Exception {
    Plan plan =
        parse(
            HEAD
                + "environment:\n  database:\n"
                + "    url: postgresql://app:secret@127.0.0.1:5432/app\n"
                + "    variables: [SPRING_DATASOURCE_URL]\n");

    assertThat(plan.environment().database())
        .isEqualTo(
            new DatabaseSettings(
                "postgresql://app:secret@127.0.0.1:5432/app", List.of("SPRING_DATASOURCE_URL")));
  }

  @Test
  void urlFromAVariable_isKeptAsWritten_forWhereTheRunStarts() throws Exception {
    DatabaseSettings settings =
        parse(HEAD + "environment:\n  database:\n    url: ${DATABASE_SERVER_URL}\n")
            .environment()
            .database();

    assertThat(settings.url()).isEqualTo("${DATABASE_SERVER_URL}");
    assertThat(settings.urlVariable()).isEqualTo("DATABASE_SERVER_URL");
  }

  @Test
  void aReferenceWithMoreAroundIt_isNoReference_andNotAUrl() {
    assertThat(problems(HEAD + "environment:\n  database:\n    url: x${DB}\n"))
        .singleElement()
        .asString()
        .contains("'url' is not a PostgreSQL URL");
  }

  @Test
  void badUrl_isReportedAtItsValue_withoutThePassword() {
    assertThat(problems(HEAD + "environment:\n  database:\n    url: mysql://app:hunter22@h/app\n"))
        .containsExactly(
            "agents-plan.yaml:6:10: environment.database: 'url' is not a PostgreSQL URL like"
                + " postgresql://user:password@host:5432/database: it must start with"
                + " postgresql://");
    assertThat(problems(HEAD + "environment:\n  database:\n    url: postgresql://h:5432\n"))
        .singleElement()
        .asString()
        .contains("agents-plan.yaml:6:10:", "it names no database");
  }

  @Test
  void missingUrl_isReported() {
    assertThat(problems(HEAD + "environment:\n  database:\n    variables: [X]\n"))
        .containsExactly("agents-plan.yaml:6:5: environment.database has no 'url'");
  }

  @Test
  void variables_badOrTakenNames_areReportedAtTheItem() {
    assertThat(
            problems(
                HEAD
                    + "environment:\n  database:\n    url: postgresql://h/app\n"
                    + "    variables: [\"bad name\", AGENT_TASK_ID, PGHOST]\n"))
        .containsExactly(
            "agents-plan.yaml:7:17: environment.database: 'variables' names 'bad name', which is"
                + " not an environment variable name (letters, digits and _)",
            "agents-plan.yaml:7:29: environment.database: 'variables' names 'AGENT_TASK_ID',"
                + " which the engine or PostgreSQL's tools already use",
            "agents-plan.yaml:7:44: environment.database: 'variables' names 'PGHOST', which the"
                + " engine or PostgreSQL's tools already use");
  }

  @Test
  void settings_neverPrintThePassword() {
    assertThat(new DatabaseSettings("postgresql://a:hunter22@h/app", List.of()).toString())
        .doesNotContain("hunter22");
  }
}
