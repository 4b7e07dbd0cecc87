package io.jenkins.plugins.parallelagents.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.PlanParser;
import org.junit.jupiter.api.Test;

/** A plan that asks for best-of-N is refused for a run across nodes, naming the task. */
class SingleAttemptsTest {

  private static final String PLAN =
      "version: 1\nname: shop\ndefaults:\n  agent: codex\n"
          + "agents:\n  codex:\n    command: codex exec x\ntasks:\n"
          + "  - id: api\n    prompt: Do it.\n    attempts: 3\n"
          + "  - id: ui\n    prompt: Do it.\n    attempts: 1\n"
          + "  - id: docs\n    prompt: Do it.\n";

  @Test
  void onlyTheTaskAskingForMoreThanOneAttemptIsNamed() throws Exception {
    assertThat(SingleAttempts.problems(new PlanParser().parse(PLAN, "agents-plan.yaml")))
        .containsExactly(
            "task 'api' sets attempts: 3, but a run across nodes gives each task one attempt"
                + " (best-of-N runs only with the command line's run); set attempts: 1 or remove it");
  }

  @Test
  void aPlanOfSingleAttemptsPasses() throws Exception {
    String single = PLAN.replace("attempts: 3", "attempts: 1");
    assertThat(SingleAttempts.problems(new PlanParser().parse(single, "agents-plan.yaml")))
        .isEmpty();
  }
}
