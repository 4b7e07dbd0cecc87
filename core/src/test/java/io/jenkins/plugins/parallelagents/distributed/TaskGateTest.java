package io.jenkins.plugins.parallelagents.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a task of a distributed run starts, is skipped, or waits, as each task ends. */
class TaskGateTest {

  private static Plan plan(String top) throws Exception {
    String yaml =
        "version: 1\nname: shop\n"
            + top
            + "defaults:\n  agent: codex\nagents:\n  codex:\n    command: codex exec x\n"
            + "tasks:\n"
            + "  - id: schema\n    prompt: Do it.\n    foundation: true\n"
            + "  - id: types\n    prompt: Do it.\n    foundation: true\n"
            + "  - id: api\n    prompt: Do it.\n"
            + "  - id: ui\n    prompt: Do it.\n    needs: [api]\n"
            + "  - id: docs\n    prompt: Do it.\n";
    return new PlanParser().parse(yaml, "agents-plan.yaml");
  }

  private static Map<String, TaskStatus> ended(Object... idAndStatus) {
    Map<String, TaskStatus> ended = new LinkedHashMap<>();
    for (int i = 0; i < idAndStatus.length; i += 2) {
      ended.put((String) idAndStatus[i], (TaskStatus) idAndStatus[i + 1]);
    }
    return ended;
  }

  @Test
  void aTaskWaitsForEveryFoundationTaskAndEveryNeed_thenStarts() throws Exception {
    TaskGate gate = new TaskGate(plan(""));
    assertThat(gate.decide("ui", ended("schema", TaskStatus.SUCCEEDED), 0))
        .isEqualTo(new TaskGate.Wait("waiting for types, api to end"));
    assertThat(
            gate.decide(
                "ui", ended("schema", TaskStatus.SUCCEEDED, "types", TaskStatus.NO_CHANGES), 1))
        .isEqualTo(new TaskGate.Wait("waiting for api to end"));
    assertThat(
            gate.decide(
                "ui",
                ended(
                    "schema",
                    TaskStatus.SUCCEEDED,
                    "types",
                    TaskStatus.NO_CHANGES,
                    "api",
                    TaskStatus.SUCCEEDED),
                0))
        .isInstanceOf(TaskGate.Start.class);
  }

  @Test
  void aTaskWhoseNeedDidNotSucceedIsSkippedNamingIt() throws Exception {
    TaskGate gate = new TaskGate(plan(""));
    Map<String, TaskStatus> ended =
        ended(
            "schema",
            TaskStatus.SUCCEEDED,
            "types",
            TaskStatus.SUCCEEDED,
            "api",
            TaskStatus.FAILED);
    assertThat(gate.decide("ui", ended, 0))
        .isEqualTo(new TaskGate.Skip("it needs 'api', which did not succeed"));
    assertThat(gate.decide("docs", ended, 0)).isInstanceOf(TaskGate.Start.class);
    assertThat(
            gate.decide(
                "docs", ended("schema", TaskStatus.SUCCEEDED, "types", TaskStatus.CANCELLED), 0))
        .isEqualTo(new TaskGate.Skip("foundation task 'types' did not succeed"));
  }

  @Test
  void withFailFast_anyFailedTaskSkipsTheTasksNotStarted_butASkippedOneDoesNot() throws Exception {
    TaskGate gate = new TaskGate(plan("failFast: true\n"));
    Map<String, TaskStatus> ended =
        ended(
            "schema",
            TaskStatus.SUCCEEDED,
            "types",
            TaskStatus.SUCCEEDED,
            "api",
            TaskStatus.FAILED);
    assertThat(gate.decide("docs", ended, 0))
        .isEqualTo(new TaskGate.Skip("task 'api' did not succeed and the plan sets failFast"));
    ended.put("api", TaskStatus.SUCCEEDED);
    ended.put("ui", TaskStatus.SKIPPED);
    assertThat(gate.decide("docs", ended, 0)).isInstanceOf(TaskGate.Start.class);
  }

  @Test
  void aReadyTaskWaitsForASlotWhileMaxParallelTasksRun() throws Exception {
    TaskGate gate = new TaskGate(plan("maxParallel: 2\n"));
    Map<String, TaskStatus> ended =
        ended("schema", TaskStatus.SUCCEEDED, "types", TaskStatus.SUCCEEDED);
    assertThat(gate.decide("docs", ended, 2))
        .isEqualTo(
            new TaskGate.Wait(
                "waiting for a free slot: the plan's maxParallel is 2 and 2 tasks run"));
    assertThat(gate.decide("docs", ended, 1)).isInstanceOf(TaskGate.Start.class);
  }

  @Test
  void anUnknownTaskIsRefused() throws Exception {
    assertThatThrownBy(() -> new TaskGate(plan("")).decide("nope", Map.of(), 0))
        .hasMessage("the plan has no task 'nope'");
  }
}
