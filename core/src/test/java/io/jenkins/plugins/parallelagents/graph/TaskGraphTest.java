package io.jenkins.plugins.parallelagents.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.plan.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskGraphTest {

  private static Task task(String id, String... needs) {
    return new Task(
        id,
        null,
        false,
        List.of(needs),
        "do " + id,
        List.of(),
        null,
        Duration.ofMinutes(30),
        1,
        null,
        null,
        null);
  }

  /** a -> b, a -> c, b and c -> d. */
  private static final List<Task> DIAMOND =
      List.of(task("a"), task("b", "a"), task("c", "a"), task("d", "b", "c"));

  @Test
  void topologicalOrder_planAlreadyOrdered_isPlanOrder() {
    assertThat(TaskGraph.of(DIAMOND).topologicalOrder()).containsExactly("a", "b", "c", "d");
  }

  @Test
  void topologicalOrder_takesTheEarliestReadyTaskInPlanOrder() {
    TaskGraph graph =
        TaskGraph.of(List.of(task("web", "api"), task("api"), task("docs"), task("cli", "api")));

    assertThat(graph.topologicalOrder()).containsExactly("api", "web", "docs", "cli");
  }

  @Test
  void needs_areTheDirectNeedsOnly() {
    TaskGraph graph = TaskGraph.of(DIAMOND);

    assertThat(graph.needs("d")).containsExactly("b", "c");
    assertThat(graph.needs("a")).isEmpty();
  }

  @Test
  void dependants_areTheDirectDependantsOnly() {
    assertThat(TaskGraph.of(DIAMOND).dependants("a")).containsExactly("b", "c");
  }

  @Test
  void transitiveDependants_followEveryPathOnce() {
    TaskGraph graph = TaskGraph.of(DIAMOND);

    assertThat(graph.transitiveDependants("a")).containsExactly("b", "c", "d");
    assertThat(graph.transitiveDependants("c")).containsExactly("d");
    assertThat(graph.transitiveDependants("d")).isEmpty();
  }

  @Test
  void criticalPath_isTheLongestChainByDuration() {
    TaskGraph graph = TaskGraph.of(DIAMOND);
    Map<String, Long> durations = Map.of("a", 10L, "b", 5L, "c", 20L, "d", 1L);

    assertThat(graph.criticalPathMs(durations)).isEqualTo(31);
    assertThat(graph.criticalPath(durations)).containsExactly("a", "c", "d");
  }

  @Test
  void criticalPath_missingDurationsCountAsZero() {
    TaskGraph graph = TaskGraph.of(DIAMOND);

    assertThat(graph.criticalPathMs(Map.of("b", 7L))).isEqualTo(7);
    assertThat(graph.criticalPathMs(Map.of())).isZero();
  }

  @Test
  void criticalPath_independentTasks_isTheLongestTask() {
    TaskGraph graph = TaskGraph.of(List.of(task("x"), task("y")));

    assertThat(graph.criticalPathMs(Map.of("x", 3L, "y", 4L))).isEqualTo(4);
  }

  @Test
  void of_needOnUnknownTask_isRefused() {
    assertThatThrownBy(() -> TaskGraph.of(List.of(task("a", "ghost"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task 'a' needs 'ghost', not a task");
  }

  @Test
  void of_cycle_isRefusedNamingTheCycle() {
    assertThatThrownBy(
            () -> TaskGraph.of(List.of(task("x"), task("a", "c"), task("b", "a"), task("c", "b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the needs form a cycle: a -> c -> b -> a");
  }

  @Test
  void of_repeatedId_isRefused() {
    assertThatThrownBy(() -> TaskGraph.of(List.of(task("a"), task("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task id 'a' is used twice");
  }

  @Test
  void needs_unknownId_isRefused() {
    assertThatThrownBy(() -> TaskGraph.of(DIAMOND).needs("zzz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no task 'zzz'");
  }

  @Test
  void largeGraph_orderRespectsEveryNeed() {
    // Each task needs up to three earlier ones, declared in reverse so that order has to be worked.
    List<Task> tasks = new ArrayList<>();
    for (int i = 1999; i >= 0; i--) {
      List<String> needs = new ArrayList<>();
      for (int step : new int[] {1, 7, 31}) {
        if (i - step >= 0) {
          needs.add("t" + (i - step));
        }
      }
      tasks.add(task("t" + i, needs.toArray(String[]::new)));
    }

    TaskGraph graph = TaskGraph.of(tasks);

    Map<String, Integer> position = new HashMap<>();
    List<String> order = graph.topologicalOrder();
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i), i);
    }
    assertThat(order).hasSize(2000);
    for (Task task : tasks) {
      for (String need : task.needs()) {
        assertThat(position.get(need)).isLessThan(position.get(task.id()));
      }
    }
    assertThat(graph.transitiveDependants("t1990")).hasSize(9);
    Map<String, Long> oneEach = new HashMap<>();
    tasks.forEach(t -> oneEach.put(t.id(), 1L));
    assertThat(graph.criticalPathMs(oneEach)).isEqualTo(2000);
  }
}
