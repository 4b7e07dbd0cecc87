package io.jenkins.plugins.parallelagents.plan;

import static io.jenkins.plugins.parallelagents.plan.PlanTexts.parse;
import static io.jenkins.plugins.parallelagents.plan.PlanTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@code sandbox} key, on an agent profile and in {@code defaults}. */
class SandboxPlanTest {

  private static final String HEAD = "version: 1\nname: demo\ntasks: [{id: a, prompt: p}]\n";

  @Test
  void profile_sandboxTrue_isSandboxedAndTheOthersAreNot() throws Exception {
    Plan plan =
        parse(
            HEAD
                + "agents:\n"
                + "  codex: {command: codex, sandbox: true}\n"
                + "  script: {command: ./agent.sh}\n"
                + "defaults: {agent: codex}\n");

    assertThat(plan.agents().get("codex").sandbox()).isTrue();
    assertThat(plan.agents().get("script").sandbox()).isFalse();
  }

  @Test
  void defaults_sandboxTrue_sandboxesEveryProfileTheResolverToo() throws Exception {
    Plan plan =
        parse(
            HEAD
                + "agents:\n"
                + "  codex: {command: codex}\n"
                + "  fixer: {command: fixer, sandbox: true}\n"
                + "defaults: {agent: codex, sandbox: true}\n"
                + "merge: {onConflict: resolve, resolver: fixer}\n");

    assertThat(plan.agents().values()).allMatch(AgentProfile::sandbox);
  }

  @Test
  void noSandboxKey_runsUnsandboxed() throws Exception {
    Plan plan = parse(HEAD + "agents:\n  codex: {command: codex}\ndefaults: {agent: codex}\n");

    assertThat(plan.agents().get("codex").sandbox()).isFalse();
  }

  @Test
  void profile_sandboxFalse_underDefaultsSandbox_isAnErrorNotASilentOverride() {
    assertThat(
            problems(
                HEAD
                    + "agents:\n"
                    + "  codex: {command: codex, sandbox: false}\n"
                    + "defaults: {agent: codex, sandbox: true}\n"))
        .containsExactly(
            "agents-plan.yaml:5:36: agent 'codex': 'sandbox' is false, but 'defaults' sets"
                + " 'sandbox: true' for every agent; remove one of the two");
  }

  @Test
  void sandbox_notABoolean_isAnError() {
    assertThat(problems(HEAD + "agents:\n  codex: {command: codex, sandbox: yes please}\n"))
        .containsExactly(
            "agents-plan.yaml:5:36: agent 'codex': 'sandbox' must be true or false,"
                + " not 'yes please'");
    assertThat(problems(HEAD + "defaults: {sandbox: 1}\n"))
        .containsExactly("agents-plan.yaml:4:21: defaults: 'sandbox' must be true or false, not 1");
  }
}
