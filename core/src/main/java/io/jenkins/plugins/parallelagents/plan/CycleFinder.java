package io.jenkins.plugins.parallelagents.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds cycles among ids that need one another. It works on plain ids so that both the plan
 * validator and the task graph can use it without the packages depending on each other.
 */
public final class CycleFinder {

  private static final int NEW = 0;
  private static final int ON_PATH = 1;
  private static final int DONE = 2;

  private CycleFinder() {}

  /**
   * The cycles of {@code needs}, each once, as the ids along it ({@code [a, b, c]} for a needs b, b
   * needs c, c needs a), starting at the one earliest in {@code ids}. Needs naming ids that are not
   * in {@code ids}, and ids needing themselves, are ignored. Linear in ids plus needs for a plan
   * without cycles.
   */
  public static List<List<String>> find(List<String> ids, Map<String, List<String>> needs) {
    Map<String, Integer> order = new HashMap<>();
    for (String id : ids) {
      order.putIfAbsent(id, order.size());
    }
    Map<String, Integer> state = new HashMap<>();
    Set<List<String>> cycles = new LinkedHashSet<>();
    for (String start : ids) {
      if (state.getOrDefault(start, NEW) == NEW) {
        walk(start, needs, order, state, cycles);
      }
    }
    return List.copyOf(cycles);
  }

  /**
   * Depth-first, with an explicit stack: a long chain of needs must not overflow the call stack.
   */
  private static void walk(
      String start,
      Map<String, List<String>> needs,
      Map<String, Integer> order,
      Map<String, Integer> state,
      Set<List<String>> cycles) {
    List<String> path = new ArrayList<>();
    Deque<Integer> nextNeed = new ArrayDeque<>();
    path.add(start);
    nextNeed.push(0);
    state.put(start, ON_PATH);
    while (!path.isEmpty()) {
      String current = path.get(path.size() - 1);
      List<String> targets = needs.getOrDefault(current, List.of());
      int index = nextNeed.pop();
      if (index >= targets.size()) {
        state.put(current, DONE);
        path.remove(path.size() - 1);
        continue;
      }
      nextNeed.push(index + 1);
      String target = targets.get(index);
      if (!order.containsKey(target) || target.equals(current)) {
        continue;
      }
      int targetState = state.getOrDefault(target, NEW);
      if (targetState == ON_PATH) {
        cycles.add(rotate(path.subList(path.lastIndexOf(target), path.size()), order));
      } else if (targetState == NEW) {
        state.put(target, ON_PATH);
        path.add(target);
        nextNeed.push(0);
      }
    }
  }

  private static List<String> rotate(List<String> cycle, Map<String, Integer> order) {
    int first = 0;
    for (int i = 1; i < cycle.size(); i++) {
      if (order.get(cycle.get(i)) < order.get(cycle.get(first))) {
        first = i;
      }
    }
    List<String> rotated = new ArrayList<>(cycle.subList(first, cycle.size()));
    rotated.addAll(cycle.subList(0, first));
    return List.copyOf(rotated);
  }
}
