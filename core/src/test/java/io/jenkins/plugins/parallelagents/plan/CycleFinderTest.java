package io.jenkins.plugins.parallelagents.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CycleFinderTest {

  @Test
  void find_acyclicGraph_findsNothing() {
    assertThat(
            CycleFinder.find(
                List.of("a", "b", "c"), Map.of("b", List.of("a"), "c", List.of("a", "b"))))
        .isEmpty();
  }

  @Test
  void find_cycle_startsAtItsEarliestTask() {
    List<String> ids = List.of("x", "a", "b", "c");
    Map<String, List<String>> needs =
        Map.of("c", List.of("a"), "a", List.of("b"), "b", List.of("c"), "x", List.of("c"));

    assertThat(CycleFinder.find(ids, needs)).containsExactly(List.of("a", "b", "c"));
  }

  @Test
  void find_selfNeedsAndUnknownIds_areLeftToOtherRules() {
    assertThat(CycleFinder.find(List.of("a"), Map.of("a", List.of("a", "ghost")))).isEmpty();
  }

  @Test
  void find_twoCycles_areBothFound() {
    Map<String, List<String>> needs =
        Map.of("a", List.of("b"), "b", List.of("a"), "c", List.of("d"), "d", List.of("c"));

    assertThat(CycleFinder.find(List.of("a", "b", "c", "d"), needs))
        .containsExactly(List.of("a", "b"), List.of("c", "d"));
  }

  @Test
  void find_longChain_doesNotOverflowTheStack() {
    List<String> ids = new ArrayList<>();
    Map<String, List<String>> needs = new HashMap<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add("t" + i);
      if (i > 0) {
        needs.put("t" + i, List.of("t" + (i - 1)));
      }
    }
    needs.put("t0", List.of("t99999"));

    List<List<String>> cycles = CycleFinder.find(ids, needs);

    assertThat(cycles).hasSize(1);
    assertThat(cycles.get(0)).hasSize(100_000).startsWith("t0", "t99999");
  }
}
