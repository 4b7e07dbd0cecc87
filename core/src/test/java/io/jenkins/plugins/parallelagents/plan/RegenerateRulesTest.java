package io.jenkins.plugins.parallelagents.plan;

import static io.jenkins.plugins.parallelagents.plan.PlanTexts.parse;
import static io.jenkins.plugins.parallelagents.plan.PlanTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegenerateRulesTest {

  private static final String HEAD = "version: 1\nname: demo\ntasks: [{id: a, prompt: p}]\n";

  @Test
  void rules_areRead_inFileOrder() throws Exception {
    Plan plan =
        parse(
            HEAD
                + "merge:\n  regenerate:\n"
                + "    - files: go.sum\n      command: go mod tidy\n"
                + "    - files: 'gen/**.txt'\n      command: [sh, gen.sh]\n");

    assertThat(plan.merge().regenerate())
        .containsExactly(
            new RegenerateRule("go.sum", CommandSpec.shell("go mod tidy")),
            new RegenerateRule("gen/**.txt", CommandSpec.argv(List.of("sh", "gen.sh"))));
  }

  @Test
  void noRules_isAnEmptyList() throws Exception {
    assertThat(parse(HEAD + "merge:\n  strategy: squash\n").merge().regenerate()).isEmpty();
  }

  @Test
  void rule_withoutCommand_isReportedAtTheRule() {
    assertThat(problems(HEAD + "merge:\n  regenerate:\n    - files: go.sum\n"))
        .containsExactly("agents-plan.yaml:6:7: merge: 'regenerate' item 1 has no 'command'");
  }

  @Test
  void rule_withoutFiles_isReportedAtTheRule() {
    assertThat(problems(HEAD + "merge:\n  regenerate:\n    - command: go mod tidy\n"))
        .containsExactly("agents-plan.yaml:6:7: merge: 'regenerate' item 1 has no 'files'");
  }

  @Test
  void rule_unknownKey_isAnError() {
    assertThat(
            problems(
                HEAD
                    + "merge:\n  regenerate:\n"
                    + "    - files: go.sum\n      command: go mod tidy\n      shell: bash\n"))
        .containsExactly(
            "agents-plan.yaml:8:7: merge: 'regenerate' item 1: unknown key 'shell';"
                + " the keys here are files, command");
  }

  @Test
  void rule_givenAsText_mustBeAMapping() {
    assertThat(problems(HEAD + "merge:\n  regenerate:\n    - go mod tidy\n"))
        .containsExactly(
            "agents-plan.yaml:6:7: merge: 'regenerate' item 1 must be a mapping with 'files'"
                + " and 'command', not 'go mod tidy'");
  }

  @Test
  void regenerate_givenAsAMapping_mustBeAList() {
    assertThat(problems(HEAD + "merge:\n  regenerate:\n    files: go.sum\n"))
        .containsExactly("agents-plan.yaml:6:5: merge: 'regenerate' must be a list, not a mapping");
  }

  @Test
  void rule_filesThatAreNoGlob_isAnError() {
    assertThat(
            problems(
                HEAD + "merge:\n  regenerate:\n    - files: 'gen/[a.txt'\n      command: make\n"))
        .singleElement()
        .asString()
        .startsWith(
            "agents-plan.yaml:6:14: merge: 'regenerate' item 1: 'files' is 'gen/[a.txt',"
                + " which is not a glob: ");
  }

  @Test
  void rule_blankFiles_isEmpty() {
    assertThat(problems(HEAD + "merge:\n  regenerate:\n    - files: ' '\n      command: make\n"))
        .containsExactly("agents-plan.yaml:6:14: merge: 'regenerate' item 1: 'files' is empty");
  }
}
