package io.jenkins.plugins.parallelagents.plan;

import static io.jenkins.plugins.parallelagents.plan.PlanTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SectionRulesTest {

  private static final String HEAD = "version: 1\nname: demo\ntasks: [{id: a, prompt: p}]\n";

  @Test
  void agent_withoutCommand_isReportedAtItsName() {
    assertThat(problems(HEAD + "agents:\n  codex: {}\n"))
        .containsExactly("agents-plan.yaml:5:3: agent 'codex' has no 'command'");
  }

  @Test
  void agent_unknownKey_isAnError() {
    assertThat(problems(HEAD + "agents:\n  codex:\n    command: codex\n    model: o3\n"))
        .containsExactly(
            "agents-plan.yaml:7:5: agent 'codex': unknown key 'model'; the keys here are command, sandbox");
  }

  @Test
  void agent_givenAsText_mustBeAMapping() {
    assertThat(problems(HEAD + "agents:\n  codex: codex exec\n"))
        .containsExactly(
            "agents-plan.yaml:5:10: agent 'codex' must be a mapping with a 'command',"
                + " not 'codex exec'");
  }

  @Test
  void agent_sameNameTwice_namesTheFirstLine() {
    assertThat(problems(HEAD + "agents:\n  codex: {command: a}\n  codex: {command: b}\n"))
        .containsExactly(
            "agents-plan.yaml:6:3: agents: key 'codex' appears twice (first on line 5)");
  }

  @Test
  void command_emptyList_needsTheProgram() {
    assertThat(problems(HEAD + "agents:\n  codex: {command: []}\n"))
        .containsExactly(
            "agents-plan.yaml:5:20: agent 'codex': 'command' is an empty list;"
                + " give at least the program to run");
  }

  @Test
  void command_blankLine_isEmpty() {
    assertThat(problems(HEAD + "agents:\n  codex: {command: ' '}\n"))
        .containsExactly(
            "agents-plan.yaml:5:20: agent 'codex': 'command' is empty;"
                + " give a shell line or a list of arguments");
  }

  @Test
  void command_listWithANumber_asksForQuotes() {
    assertThat(problems(HEAD + "agents:\n  sleeper: {command: [sleep, 5]}\n"))
        .containsExactly(
            "agents-plan.yaml:5:30: agent 'sleeper': 'command' item 2 must be text:"
                + " put 5 in quotes");
  }

  @Test
  void verify_mapping_isNotACommand() {
    assertThat(problems(HEAD + "defaults:\n  verify: {run: make}\n"))
        .containsExactly(
            "agents-plan.yaml:5:11: defaults: 'verify' must be a shell line or a list of"
                + " arguments, not a mapping");
  }

  @Test
  void mergeStrategy_unknown_listsTheStrategies() {
    assertThat(problems(HEAD + "merge:\n  strategy: squish\n"))
        .containsExactly(
            "agents-plan.yaml:5:13: merge: 'strategy' is 'squish', which is not one of merge,"
                + " squash, rebase (did you mean 'squash'?)");
  }

  @Test
  void onConflict_unknown_listsThePolicies() {
    assertThat(problems(HEAD + "merge:\n  onConflict: retry\n"))
        .containsExactly(
            "agents-plan.yaml:5:15: merge: 'onConflict' is 'retry', which is not one of fail,"
                + " resolve");
  }

  @Test
  void onConflictResolve_withoutResolver_isReported() {
    assertThat(problems(HEAD + "merge:\n  onConflict: resolve\n"))
        .containsExactly(
            "agents-plan.yaml:5:15: merge: 'onConflict' is resolve, which needs a 'resolver'"
                + " agent to run");
  }

  @Test
  void resolver_unknownProfile_suggestsTheClosest() {
    assertThat(
            problems(
                HEAD
                    + "agents:\n  claude: {command: claude}\n"
                    + "merge:\n  onConflict: resolve\n  resolver: cluade\n"))
        .containsExactly(
            "agents-plan.yaml:8:13: merge: 'resolver' is 'cluade', which is not an agent in"
                + " 'agents' (did you mean 'claude'?)");
  }

  @Test
  void test_withoutCommand_isReported() {
    assertThat(problems(HEAD + "test:\n  timeout: 10m\n"))
        .containsExactly("agents-plan.yaml:5:3: test has no 'command'");
  }

  @Test
  void test_asText_mustBeAMapping() {
    assertThat(problems(HEAD + "test: npm test\n"))
        .containsExactly(
            "agents-plan.yaml:4:7: 'test' must be a mapping of keys to values, not 'npm test'");
  }

  @Test
  void testTimeout_bareNumber_isNotADuration() {
    assertThat(problems(HEAD + "test:\n  command: make\n  timeout: 600\n"))
        .containsExactly(
            "agents-plan.yaml:6:12: test: 'timeout' is 600, which is not a duration:"
                + " write 90s, 30m, 2h or a combination such as 1h30m");
  }

  @Test
  void publishRemote_empty_isRefused() {
    assertThat(problems(HEAD + "publish:\n  remote: ''\n"))
        .containsExactly("agents-plan.yaml:5:11: publish: 'remote' is empty");
  }

  @Test
  void publishForce_text_mustBeTrueOrFalse() {
    assertThat(problems(HEAD + "publish:\n  force: always\n"))
        .containsExactly(
            "agents-plan.yaml:5:10: publish: 'force' must be true or false, not 'always'");
  }

  @Test
  void cleanupKeepRuns_zero_mustBeAtLeastOne() {
    assertThat(problems(HEAD + "cleanup:\n  keepRuns: 0\n"))
        .containsExactly("agents-plan.yaml:5:13: cleanup: 'keepRuns' must be at least 1, not 0");
  }

  @Test
  void cleanupKeepSnapshotsDays_negative_mustBeAtLeastZero() {
    assertThat(problems(HEAD + "cleanup:\n  keepSnapshotsDays: -1\n"))
        .containsExactly(
            "agents-plan.yaml:5:22: cleanup: 'keepSnapshotsDays' must be at least 0, not -1");
  }

  @Test
  void cleanupKeepDays_negative_mustBeAtLeastZero() {
    assertThat(problems(HEAD + "cleanup:\n  keepDays: -1\n"))
        .containsExactly("agents-plan.yaml:5:13: cleanup: 'keepDays' must be at least 0, not -1");
  }
}
