package io.jenkins.plugins.parallelagents.plan;

import static io.jenkins.plugins.parallelagents.plan.PlanTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopLevelRulesTest {

  @Test
  void unknownKey_typo_suggestsTheKnownKey() {
    assertThat(
            problems(
                """
                version: 1
                name: demo
                taks:
                  - id: a
                    prompt: p
                """))
        .containsExactly(
            "agents-plan.yaml: the plan has no 'tasks'",
            "agents-plan.yaml:3:1: unknown key 'taks' (did you mean 'tasks'?)");
  }

  @Test
  void unknownKey_unlikeAnyKnownKey_listsTheKeysOfThatSection() {
    assertThat(
            problems(
                """
                version: 1
                name: demo
                tasks: [{id: a, prompt: p}]
                merge:
                  colour: red
                """))
        .containsExactly(
            "agents-plan.yaml:5:3: merge: unknown key 'colour';"
                + " the keys here are strategy, onConflict, resolver, onTestFailure,"
                + " maxTestRuns, regenerate");
  }

  @Test
  void duplicateKey_namesTheFirstLine() {
    assertThat(
            problems(
                """
                version: 1
                name: demo
                tasks: [{id: a, prompt: p}]
                name: other
                """))
        .containsExactly("agents-plan.yaml:4:1: key 'name' appears twice (first on line 2)");
  }

  @Test
  void version_missing_saysHowToStart() {
    assertThat(problems("name: demo\ntasks: [{id: a, prompt: p}]\n"))
        .containsExactly("agents-plan.yaml: the plan has no 'version'; start it with 'version: 1'");
  }

  @Test
  void version_notOne_saysOnlyOneIsKnown() {
    assertThat(problems("version: 2\nname: demo\ntasks: [{id: a, prompt: p}]\n"))
        .containsExactly("agents-plan.yaml:1:10: 'version' is 2, but only version 1 is known");
  }

  @Test
  void version_text_mustBeAWholeNumber() {
    assertThat(problems("version: one\nname: demo\ntasks: [{id: a, prompt: p}]\n"))
        .containsExactly("agents-plan.yaml:1:10: 'version' must be a whole number, not 'one'");
  }

  @Test
  void name_missing_isReported() {
    assertThat(problems("version: 1\ntasks: [{id: a, prompt: p}]\n"))
        .containsExactly("agents-plan.yaml: the plan has no 'name'");
  }

  @Test
  void name_illFormed_saysWhatANameMayContain() {
    assertThat(problems("version: 1\nname: Demo Plan\ntasks: [{id: a, prompt: p}]\n"))
        .containsExactly(
            "agents-plan.yaml:2:7: 'name' is 'Demo Plan', which is not a valid name: use lowercase"
                + " letters, digits, '.', '-' and '_', starting with a letter or digit");
  }

  @Test
  void name_thatMakesABadDefaultTarget_suggestsSettingTarget() {
    assertThat(problems("version: 1\nname: demo..x\ntasks: [{id: a, prompt: p}]\n"))
        .containsExactly(
            "agents-plan.yaml:2:7: 'name' makes the default target 'agents/demo..x', which is not"
                + " a valid branch name: it contains '..'; choose another name or set 'target'");
  }

  @Test
  void name_number_mustBeQuoted() {
    assertThat(problems("version: 1\nname: 2024\ntasks: [{id: a, prompt: p}]\n"))
        .containsExactly("agents-plan.yaml:2:7: 'name' must be text: put 2024 in quotes");
  }

  @Test
  void name_list_isTheWrongType() {
    assertThat(problems("version: 1\nname: [demo]\ntasks: [{id: a, prompt: p}]\n"))
        .containsExactly("agents-plan.yaml:2:7: 'name' must be text, not a list");
  }

  @Test
  void tasks_missing_isReported() {
    assertThat(problems("version: 1\nname: demo\n"))
        .containsExactly("agents-plan.yaml: the plan has no 'tasks'");
  }

  @Test
  void tasks_empty_needsAtLeastOne() {
    assertThat(problems("version: 1\nname: demo\ntasks: []\n"))
        .containsExactly("agents-plan.yaml:3:8: 'tasks' is empty; a plan needs at least one task");
  }

  @Test
  void tasks_mapping_mustBeAList() {
    assertThat(problems("version: 1\nname: demo\ntasks:\n  a: {prompt: p}\n"))
        .containsExactly("agents-plan.yaml:4:3: 'tasks' must be a list, not a mapping");
  }

  @Test
  void target_invalidBranchName_saysWhy() {
    assertThat(
            problems(
                "version: 1\nname: demo\ntarget: agents/my branch\ntasks: [{id: a, prompt: p}]\n"))
        .containsExactly(
            "agents-plan.yaml:3:9: 'target' is 'agents/my branch', which is not a valid branch"
                + " name: it contains a space, a control character or one of ~ ^ : ? * [ \\");
  }

  @Test
  void target_leadingDash_isRefused() {
    assertThat(problems("version: 1\nname: demo\ntarget: -x\ntasks: [{id: a, prompt: p}]\n"))
        .containsExactly(
            "agents-plan.yaml:3:9: 'target' is '-x', which is not a valid branch name:"
                + " it starts with '-'");
  }

  @Test
  void base_empty_isRefused() {
    assertThat(problems("version: 1\nname: demo\nbase: ''\ntasks: [{id: a, prompt: p}]\n"))
        .containsExactly("agents-plan.yaml:3:7: 'base' is empty");
  }

  @Test
  void base_withoutValue_isReportedAtTheKey() {
    assertThat(problems("version: 1\nname: demo\nbase:\ntasks: [{id: a, prompt: p}]\n"))
        .containsExactly("agents-plan.yaml:3:1: 'base' has no value");
  }

  @Test
  void maxParallel_zero_mustBeAtLeastOne() {
    assertThat(problems("version: 1\nname: demo\nmaxParallel: 0\ntasks: [{id: a, prompt: p}]\n"))
        .containsExactly("agents-plan.yaml:3:14: 'maxParallel' must be at least 1, not 0");
  }

  @Test
  void failFast_yes_mustBeTrueOrFalse() {
    assertThat(problems("version: 1\nname: demo\nfailFast: yes\ntasks: [{id: a, prompt: p}]\n"))
        .containsExactly("agents-plan.yaml:3:11: 'failFast' must be true or false, not 'yes'");
  }

  @Test
  void interfaces_mapping_mustBeText() {
    assertThat(
            problems(
                "version: 1\nname: demo\ninterfaces:\n  api: x\ntasks: [{id: a, prompt: p}]\n"))
        .containsExactly("agents-plan.yaml:4:3: 'interfaces' must be text, not a mapping");
  }
}
