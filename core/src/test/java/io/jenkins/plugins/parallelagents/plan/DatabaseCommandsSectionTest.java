package io.jenkins.plugins.parallelagents.plan;

import static io.jenkins.plugins.parallelagents.plan.PlanTexts.parse;
import static io.jenkins.plugins.parallelagents.plan.PlanTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The commands form of {@code environment.database}, for engines other than PostgreSQL. */
class DatabaseCommandsSectionTest {

  private static final String HEAD =
      "version: 1\nname: demo\ntasks: [{id: a, prompt: p}]\nenvironment:\n  database:\n";

  private static final String CREATE = "    create: createdb -T {template} {name}\n";
  private static final String EMPTY = "    createEmpty: createdb {name}\n";
  private static final String DROP = "    drop: [dropdb, --if-exists, \"{name}\"]\n";
  private static final String URL = "    url: mysql://root:pw@127.0.0.1:3306/{name}\n";

  @Test
  void everyKey_isRead_shellLinesAndArgumentLists() throws Exception {
    Plan plan = parse(HEAD + URL + CREATE + EMPTY + DROP + "    variables: [APP_DB]\n");

    DatabaseSettings database = plan.environment().database();
    assertThat(database.url()).isEqualTo("mysql://root:pw@127.0.0.1:3306/{name}");
    assertThat(database.variables()).containsExactly("APP_DB");
    assertThat(database.commands())
        .isEqualTo(
            new DatabaseCommands(
                CommandSpec.shell("createdb -T {template} {name}"),
                CommandSpec.shell("createdb {name}"),
                CommandSpec.argv(List.of("dropdb", "--if-exists", "{name}"))));
    assertThat(database.toString()).doesNotContain("pw");
  }

  @Test
  void postgresUrl_withCommands_isRefusedAtTheUrl() {
    assertThat(problems(HEAD + "    url: postgresql://h/app\n" + CREATE + EMPTY + DROP))
        .containsExactly(
            "agents-plan.yaml:6:10: environment.database: 'url' holds no {name}: with 'create',"
                + " 'createEmpty' and 'drop' it is the URL of each database, e.g."
                + " mysql://root@127.0.0.1:3306/{name}");
  }

  @Test
  void urlWithName_withoutCommands_isRefusedAtTheUrl() {
    assertThat(problems(HEAD + URL))
        .containsExactly(
            "agents-plan.yaml:6:10: environment.database: 'url' holds {name}, which only an"
                + " engine driven through 'create', 'createEmpty' and 'drop' fills in; add them,"
                + " or give a PostgreSQL URL");
  }

  @Test
  void missingCommands_areNamedAtTheSection() {
    assertThat(problems(HEAD + URL + CREATE))
        .containsExactly(
            "agents-plan.yaml:6:5: environment.database has no 'createEmpty', 'drop': an engine"
                + " other than PostgreSQL needs all of 'create', 'createEmpty' and 'drop'");
    assertThat(problems(HEAD + CREATE + EMPTY + DROP))
        .containsExactly("agents-plan.yaml:6:5: environment.database has no 'url'");
  }

  @Test
  void placeholders_thatAreMissingOrOutOfPlace_areReportedAtTheirCommand() {
    assertThat(
            problems(
                HEAD
                    + URL
                    + "    create: cp -r dbs/x dbs/{name}\n"
                    + "    createEmpty: mkdir dbs\n"
                    + "    drop: rm -rf dbs/{name} dbs/{template}\n"))
        .containsExactly(
            "agents-plan.yaml:7:13: environment.database: 'create' holds no {template}, the"
                + " database it copies",
            "agents-plan.yaml:8:18: environment.database: 'createEmpty' holds no {name}, the"
                + " database it is about",
            "agents-plan.yaml:9:11: environment.database: 'drop' holds {template}, which only"
                + " 'create' has");
    assertThat(problems(HEAD + "    url: sqlite:///{template}/{name}\n" + CREATE + EMPTY + DROP))
        .containsExactly(
            "agents-plan.yaml:6:10: environment.database: 'url' holds {template}, which only"
                + " 'create' has");
  }
}
