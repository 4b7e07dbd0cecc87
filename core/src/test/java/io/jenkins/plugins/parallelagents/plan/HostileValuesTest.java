package io.jenkins.plugins.parallelagents.plan;

import static io.jenkins.plugins.parallelagents.plan.PlanTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values that would pass validation and then fail the run, after its agents worked, are refused.
 */
class HostileValuesTest {

  private static String plan(String top, String task) {
    return "version: 1\nname: demo\n"
        + top
        + "agents:\n  script: { command: ./agent.sh }\n"
        + "tasks:\n  - id: a\n    agent: script\n    prompt: do it\n"
        + task;
  }

  @Test
  void aMultiLineValueQuotedInAProblem_staysOnTheProblemsLine() {
    List<String> found = problems(plan("", "  - 'needs: [a]\n\n    prompt: two lines'\n"));

    assertThat(found)
        .containsExactly(
            "agents-plan.yaml:9:5: task #2 must be a mapping with at least 'id' and 'prompt',"
                + " not 'needs: [a]\\nprompt: two lines'");
    assertThat(String.join("", found)).doesNotContain("\n");
  }

  @Test
  void glob_thatDoesNotCompile_isRefusedWhereItIsWritten() {
    assertThat(problems(plan("", "    paths: ['src/**', '[', '{a,b']\n")))
        .containsExactly(
            "agents-plan.yaml:9:23: task 'a': 'paths' holds '[', which is not a glob:"
                + " Missing ']",
            "agents-plan.yaml:9:28: task 'a': 'paths' holds '{a,b', which is not a glob:"
                + " Missing '}");
  }

  @Test
  void glob_inDefaults_isCheckedToo() {
    assertThat(problems(plan("defaults:\n  paths: ['a\\']\n", "")))
        .singleElement()
        .asString()
        .startsWith("agents-plan.yaml:4:11: defaults: 'paths' holds 'a\\', which is not a glob: ");
  }

  @Test
  void target_HEAD_isRefused() {
    assertThat(problems(plan("target: HEAD\n", "")))
        .containsExactly(
            "agents-plan.yaml:3:9: 'target' is 'HEAD', which is not a valid branch name:"
                + " it is 'HEAD', which git reads as the current commit");
  }

  @Test
  void target_fullRefName_isRefused() {
    assertThat(problems(plan("target: refs/heads/main\n", "")))
        .containsExactly(
            "agents-plan.yaml:3:9: 'target' is 'refs/heads/main', which is not a valid branch"
                + " name: it starts with 'refs/'; write the branch name without it");
  }

  @Test
  void target_overGitsLength_isRefused() {
    String target = "feature/" + "x".repeat(300);

    assertThat(problems(plan("target: " + target + "\n", "")))
        .containsExactly(
            "agents-plan.yaml:3:9: 'target' is '"
                + target
                + "', which is not a valid branch name: it is 308 bytes long; git allows at most"
                + " 255");
  }

  @Test
  void remote_thatGitWouldReadAsAnOption_isRefused() {
    assertThat(problems(plan("publish:\n  remote: --upload-pack=touch /tmp/x\n", "")))
        .containsExactly(
            "agents-plan.yaml:4:11: publish: 'remote' is '--upload-pack=touch /tmp/x', which git"
                + " would read as an option; name a remote or a URL");
  }

  @Test
  void commandList_withAnEmptyProgram_isRefused() {
    assertThat(problems(plan("", "    verify: ['', '--check']\n")))
        .containsExactly(
            "agents-plan.yaml:9:14: task 'a': 'verify' starts with an empty program;"
                + " the first item is the program to run");
  }

  @Test
  void attempts_overTheBound_isRefused() {
    assertThat(problems(plan("", "    attempts: 11\n")))
        .containsExactly("agents-plan.yaml:9:15: task 'a': 'attempts' must be at most 10, not 11");
    assertThat(problems(plan("defaults:\n  attempts: 100000000\n", "")))
        .containsExactly(
            "agents-plan.yaml:4:13: defaults: 'attempts' must be at most 10, not 100000000");
  }

  @Test
  void taskId_overTheLength_isRefused() {
    String id = "a".repeat(65);

    assertThat(problems(plan("", "  - id: " + id + "\n    agent: script\n    prompt: p\n")))
        .containsExactly(
            "agents-plan.yaml:9:9: task id '"
                + id
                + "' is 65 characters long; ids name branches and folders, so at most 64");
  }

  @Test
  void taskWithoutAgent_isAProblem_whenNothingElseCanRunIt() {
    String text =
        "version: 1\nname: demo\ntasks:\n  - id: a\n    prompt: p\n  - id: b\n    prompt: p\n";

    assertThat(problemsRequiringAgents(text))
        .containsExactly(
            "agents-plan.yaml:4:5: task 'a' has no agent: set 'agent' on the task,"
                + " or under 'defaults'",
            "agents-plan.yaml:6:5: task 'b' has no agent: set 'agent' on the task,"
                + " or under 'defaults'");
  }

  @Test
  void taskWithoutAgent_isValid_whenTheHostCanStandIn() throws Exception {
    String text = "version: 1\nname: demo\ntasks:\n  - id: a\n    prompt: p\n";

    assertThat(PlanTexts.parse(text).tasks().get(0).agent()).isNull();
  }

  @Test
  void taskWithTheDefaultAgent_needsNoAgentOfItsOwn() throws Exception {
    String text =
        "version: 1\nname: demo\nagents:\n  s: { command: x }\ndefaults:\n  agent: s\n"
            + "tasks:\n  - id: a\n    prompt: p\n";

    assertThat(PlanParser.requiringAgents().parse(text, "p.yaml").tasks().get(0).agent())
        .isEqualTo("s");
  }

  private static List<String> problemsRequiringAgents(String text) {
    InvalidPlanException invalid =
        catchThrowableOfType(
            InvalidPlanException.class,
            () -> PlanParser.requiringAgents().parse(text, PlanTexts.FILE));
    assertThat(invalid).as("the plan is rejected").isNotNull();
    return invalid.problems().stream().map(PlanProblem::toString).toList();
  }
}
