package io.jenkins.plugins.parallelagents.plan;

import static io.jenkins.plugins.parallelagents.plan.PlanTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MalformedPlanTest {

  @Test
  void badIndentation_isOneProblemAtTheParsersPlace() {
    List<String> problems =
        problems(
            """
            version: 1
            name: demo
            tasks:
            - id: a
              - b
            """);

    assertThat(problems)
        .containsExactly(
            "agents-plan.yaml:5:3: the file is not valid YAML: expected <block end>, but found"
                + " '-' (while parsing a block mapping)");
  }

  @Test
  void unclosedFlowList_speaksOfTheFileNotOfTheParser() {
    List<String> problems = problems("version: 1\nname: demo\ntasks: [{id: a, prompt: p}\n");

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).startsWith("agents-plan.yaml:4:1: the file is not valid YAML: ");
    assertThat(problems.get(0)).doesNotContainIgnoringCase("jackson").doesNotContain("Exception");
  }

  @Test
  void invalidJson_isReportedWithLineAndColumn() {
    List<String> problems =
        problems("{\"version\": 1,\n \"name\": \"demo\",\n \"tasks\": [}\n", "plan.json");

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0))
        .startsWith("plan.json:3:12: the file is not valid JSON: Unexpected close marker '}'")
        .doesNotContain("[Source")
        .doesNotContain("Exception");
  }

  @Test
  void emptyFile_saysHowAPlanStarts() {
    assertThat(problems("# nothing yet\n"))
        .containsExactly("agents-plan.yaml: the file is empty; a plan starts with 'version: 1'");
  }

  @Test
  void listAtTheTop_mustBeAMapping() {
    assertThat(problems("- id: a\n  prompt: p\n"))
        .containsExactly(
            "agents-plan.yaml:1:1: the plan must be a mapping of keys such as 'version', 'name'"
                + " and 'tasks', not a list");
  }

  @Test
  void alias_isRefusedRatherThanReadAsItsName() {
    assertThat(
            problems(
                """
                version: 1
                name: demo
                tasks:
                  - id: a
                    prompt: &shared do it
                  - id: b
                    prompt: *shared
                """))
        .containsExactly(
            "agents-plan.yaml:7:13: aliases such as '*shared' are not supported;"
                + " write the value out");
  }

  @Test
  void secondDocument_isRefused() {
    assertThat(problems("version: 1\nname: demo\ntasks: [{id: a, prompt: p}]\n---\nname: x\n"))
        .containsExactly(
            "agents-plan.yaml:5:1: the file holds more than one document;"
                + " a plan is a single document");
  }

  @Test
  void manyProblems_areReportedTogetherInFileOrder() {
    List<String> problems =
        problems(
            """
            version: 1
            name: Demo
            tasks:
              - id: api
                needs: [migraton]
                prompt: p
                attempts: 0
              - id: web
                prompt: ""
                timeout: 10
            merge:
              strategy: squish
            """);

    assertThat(problems)
        .containsExactly(
            "agents-plan.yaml:2:7: 'name' is 'Demo', which is not a valid name: use lowercase"
                + " letters, digits, '.', '-' and '_', starting with a letter or digit",
            "agents-plan.yaml:5:13: task 'api' needs 'migraton', which is not a task",
            "agents-plan.yaml:7:15: task 'api': 'attempts' must be at least 1, not 0",
            "agents-plan.yaml:9:13: task 'web': 'prompt' is empty",
            "agents-plan.yaml:10:14: task 'web': 'timeout' is 10, which is not a duration:"
                + " write 90s, 30m, 2h or a combination such as 1h30m",
            "agents-plan.yaml:12:13: merge: 'strategy' is 'squish', which is not one of merge,"
                + " squash, rebase (did you mean 'squash'?)");
  }

  @Test
  void exceptionMessage_listsEveryProblemOnItsOwnLine() {
    InvalidPlanException invalid =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            InvalidPlanException.class,
            () -> new PlanParser().parse("version: 3\nname: demo\n", "p.yaml"));

    assertThat(invalid.getMessage())
        .isEqualTo(
            "p.yaml: the plan has no 'tasks'\n"
                + "p.yaml:1:10: 'version' is 3, but only version 1 is known");
  }
}
