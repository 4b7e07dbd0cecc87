package io.jenkins.plugins.parallelagents.plan;

import static io.jenkins.plugins.parallelagents.plan.PlanTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskValidationTest {

  private static final String HEAD = "version: 1\nname: demo\n";

  @Test
  void id_missing_namesTheTaskByPosition() {
    assertThat(problems(HEAD + "tasks:\n  - id: a\n    prompt: p\n  - prompt: q\n"))
        .containsExactly("agents-plan.yaml:6:5: task #2 has no 'id'");
  }

  @Test
  void id_illFormed_saysWhatAnIdMayContain() {
    assertThat(problems(HEAD + "tasks:\n  - id: Api.v2\n    prompt: p\n"))
        .containsExactly(
            "agents-plan.yaml:4:9: task id 'Api.v2' is not valid: use lowercase letters, digits,"
                + " '-' and '_', starting with a letter or digit");
  }

  @Test
  void id_duplicate_namesTheFirstOccurrencesLine() {
    assertThat(
            problems(
                HEAD
                    + """
                    tasks:
                      - id: api
                        prompt: p
                      - id: web
                        prompt: p
                      - id: api
                        prompt: q
                    """))
        .containsExactly("agents-plan.yaml:8:9: task id 'api' is used twice (first on line 4)");
  }

  @Test
  void needs_unknownTask_namesLineAndSuggestion() {
    assertThat(
            problems(
                HEAD
                    + """
                    tasks:
                      - id: migration
                        prompt: p
                      - id: api
                        needs: [migraton]
                        prompt: p
                    """))
        .containsExactly(
            "agents-plan.yaml:7:13: task 'api' needs 'migraton', which is not a task"
                + " (did you mean 'migration'?)");
  }

  @Test
  void needs_unknownTaskUnlikeAnyOther_hasNoSuggestion() {
    assertThat(problems(HEAD + "tasks:\n  - id: a\n    needs: [b]\n    prompt: p\n"))
        .containsExactly("agents-plan.yaml:5:13: task 'a' needs 'b', which is not a task");
  }

  @Test
  void needs_itself_isReported() {
    assertThat(problems(HEAD + "tasks:\n  - id: a\n    needs: [a]\n    prompt: p\n"))
        .containsExactly("agents-plan.yaml:5:13: task 'a' needs itself");
  }

  @Test
  void needs_sameTaskTwice_isReported() {
    assertThat(
            problems(
                HEAD
                    + "tasks:\n  - {id: a, prompt: p}\n  - id: b\n    needs: [a, a]\n    prompt: p\n"))
        .containsExactly("agents-plan.yaml:6:16: task 'b' needs 'a' twice");
  }

  @Test
  void needs_singleText_mustBeAListAndShowsHow() {
    assertThat(
            problems(
                HEAD + "tasks:\n  - {id: a, prompt: p}\n  - id: b\n    needs: a\n    prompt: p\n"))
        .containsExactly(
            "agents-plan.yaml:6:12: task 'b': 'needs' must be a list, not 'a'; write [a]");
  }

  @Test
  void cycle_isPrintedFromItsFirstTaskInPlanOrder() {
    assertThat(
            problems(
                HEAD
                    + """
                    tasks:
                      - id: a
                        needs: [b]
                        prompt: p
                      - id: b
                        needs: [c]
                        prompt: p
                      - id: c
                        needs: [a]
                        prompt: p
                    """))
        .containsExactly("agents-plan.yaml:5:13: the needs form a cycle: a -> b -> c -> a");
  }

  @Test
  void cycle_twoSeparateCycles_areBothReported() {
    assertThat(
            problems(
                HEAD
                    + """
                    tasks:
                      - {id: a, needs: [b], prompt: p}
                      - {id: b, needs: [a], prompt: p}
                      - {id: c, needs: [d], prompt: p}
                      - {id: d, needs: [c], prompt: p}
                    """))
        .containsExactly(
            "agents-plan.yaml:4:21: the needs form a cycle: a -> b -> a",
            "agents-plan.yaml:6:21: the needs form a cycle: c -> d -> c");
  }

  @Test
  void foundation_needingAFanOutTask_isReported() {
    assertThat(
            problems(
                HEAD
                    + """
                    tasks:
                      - id: api
                        prompt: p
                      - id: migration
                        foundation: true
                        needs: [api]
                        prompt: p
                    """))
        .containsExactly(
            "agents-plan.yaml:8:13: foundation task 'migration' needs 'api', which is not a"
                + " foundation task; foundation tasks run first, so they can only need other"
                + " foundation tasks");
  }

  @Test
  void foundation_needingALaterFoundationTask_saysToMoveIt() {
    assertThat(
            problems(
                HEAD
                    + """
                    tasks:
                      - {id: schema, foundation: true, needs: [seed], prompt: p}
                      - {id: seed, foundation: true, prompt: p}
                    """))
        .containsExactly(
            "agents-plan.yaml:4:44: foundation task 'schema' needs 'seed', which comes later in"
                + " the file; foundation tasks run in file order, so move 'seed' above 'schema'");
  }

  @Test
  void prompt_missing_isReportedAtTheTask() {
    assertThat(problems(HEAD + "tasks:\n  - id: a\n    title: A\n"))
        .containsExactly("agents-plan.yaml:4:5: task 'a' has no 'prompt'");
  }

  @Test
  void prompt_blank_isEmpty() {
    assertThat(problems(HEAD + "tasks:\n  - id: a\n    prompt: \"  \"\n"))
        .containsExactly("agents-plan.yaml:5:13: task 'a': 'prompt' is empty");
  }

  @Test
  void timeout_bareNumber_saysTheAcceptedForms() {
    assertThat(problems(HEAD + "tasks:\n  - id: a\n    prompt: p\n    timeout: 90\n"))
        .containsExactly(
            "agents-plan.yaml:6:14: task 'a': 'timeout' is 90, which is not a duration:"
                + " write 90s, 30m, 2h or a combination such as 1h30m");
  }

  @Test
  void timeout_unknownUnit_saysTheAcceptedForms() {
    assertThat(problems(HEAD + "tasks:\n  - id: a\n    prompt: p\n    timeout: 2d\n"))
        .containsExactly(
            "agents-plan.yaml:6:14: task 'a': 'timeout' is '2d', which is not a duration:"
                + " write 90s, 30m, 2h or a combination such as 1h30m");
  }

  @Test
  void attempts_zero_mustBeAtLeastOne() {
    assertThat(problems(HEAD + "tasks:\n  - id: a\n    prompt: p\n    attempts: 0\n"))
        .containsExactly("agents-plan.yaml:6:15: task 'a': 'attempts' must be at least 1, not 0");
  }

  @Test
  void attempts_decimal_mustBeAWholeNumber() {
    assertThat(problems(HEAD + "tasks:\n  - id: a\n    prompt: p\n    attempts: 1.5\n"))
        .containsExactly(
            "agents-plan.yaml:6:15: task 'a': 'attempts' must be a whole number, not 1.5");
  }

  @Test
  void agent_unknownProfile_suggestsTheClosest() {
    assertThat(
            problems(
                HEAD
                    + """
                    agents:
                      codex: {command: codex}
                      claude: {command: claude}
                    tasks:
                      - id: a
                        prompt: p
                        agent: claud
                    """))
        .containsExactly(
            "agents-plan.yaml:9:12: task 'a': 'agent' is 'claud', which is not an agent in"
                + " 'agents' (did you mean 'claude'?)");
  }

  @Test
  void agent_withoutAnyProfiles_saysThereAreNone() {
    assertThat(problems(HEAD + "tasks:\n  - id: a\n    prompt: p\n    agent: codex\n"))
        .containsExactly(
            "agents-plan.yaml:6:12: task 'a': 'agent' is 'codex', but the plan has no 'agents'"
                + " section");
  }

  @Test
  void defaultAgent_unknown_isReportedOnceAtTheDefaults() {
    assertThat(
            problems(
                HEAD
                    + """
                    agents:
                      codex: {command: codex}
                    defaults:
                      agent: aider
                    tasks:
                      - {id: a, prompt: p}
                      - {id: b, prompt: p}
                    """))
        .containsExactly(
            "agents-plan.yaml:6:10: defaults: 'agent' is 'aider', which is not an agent in"
                + " 'agents' (the agents are codex)");
  }

  @Test
  void defaults_prompt_cannotHaveADefault() {
    assertThat(problems(HEAD + "defaults:\n  prompt: p\ntasks:\n  - {id: a, prompt: p}\n"))
        .containsExactly(
            "agents-plan.yaml:4:3: defaults: 'prompt' cannot have a default; set it on each task");
  }

  @Test
  void defaults_badTimeout_isReportedOnceAtTheDefaults() {
    assertThat(
            problems(
                HEAD
                    + "defaults:\n  timeout: 30\ntasks:\n  - {id: a, prompt: p}\n  - {id: b, prompt: p}\n"))
        .containsExactly(
            "agents-plan.yaml:4:12: defaults: 'timeout' is 30, which is not a duration:"
                + " write 90s, 30m, 2h or a combination such as 1h30m");
  }

  @Test
  void task_unknownKey_suggestsTheKnownKey() {
    assertThat(
            problems(
                HEAD + "tasks:\n  - {id: a, prompt: p}\n  - id: b\n    need: [a]\n    prompt: p\n"))
        .containsExactly(
            "agents-plan.yaml:6:5: task 'b': unknown key 'need' (did you mean 'needs'?)");
  }

  @Test
  void task_notAMapping_isReported() {
    assertThat(problems(HEAD + "tasks:\n  - {id: a, prompt: p}\n  - just text\n"))
        .containsExactly(
            "agents-plan.yaml:5:5: task #2 must be a mapping with at least 'id' and 'prompt',"
                + " not 'just text'");
  }

  @Test
  void title_list_isTheWrongType() {
    assertThat(problems(HEAD + "tasks:\n  - id: a\n    prompt: p\n    title: [x]\n"))
        .containsExactly("agents-plan.yaml:6:12: task 'a': 'title' must be text, not a list");
  }

  @Test
  void foundation_text_mustBeTrueOrFalse() {
    assertThat(problems(HEAD + "tasks:\n  - id: a\n    prompt: p\n    foundation: 'true'\n"))
        .containsExactly(
            "agents-plan.yaml:6:17: task 'a': 'foundation' must be true or false, not 'true'");
  }

  @Test
  void paths_itemMapping_isReportedAtTheItem() {
    assertThat(problems(HEAD + "tasks:\n  - id: a\n    prompt: p\n    paths: [src, {x: 1}]\n"))
        .containsExactly(
            "agents-plan.yaml:6:18: task 'a': 'paths' item 2 must be text, not a mapping");
  }
}
