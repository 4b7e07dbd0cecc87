package io.jenkins.plugins.parallelagents.plan;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that relate tasks to one another and to the agent profiles: unique ids, known needs, no
 * cycles, foundation tasks needing only earlier foundation tasks, known agents.
 */
final class TaskRules {

  private final Problems problems;
  private final boolean agentRequired;

  /**
   * @param agentRequired whether a task without an agent is a problem (nothing else can run it)
   */
  TaskRules(Problems problems, boolean agentRequired) {
    this.problems = problems;
    this.agentRequired = agentRequired;
  }

  void check(List<TaskDraft> drafts, TaskDefaults defaults, AgentsReader.Agents agents) {
    Map<String, TaskDraft> byId = uniqueIds(drafts);
    Map<String, Integer> fileOrder = new LinkedHashMap<>();
    byId.keySet().forEach(id -> fileOrder.put(id, fileOrder.size()));
    for (TaskDraft draft : drafts) {
      needs(draft, byId, fileOrder);
    }
    cycles(byId);
    agents(drafts, defaults, agents);
  }

  /** The first task of each id; later ones are reported. */
  private Map<String, TaskDraft> uniqueIds(List<TaskDraft> drafts) {
    Map<String, TaskDraft> byId = new LinkedHashMap<>();
    for (TaskDraft draft : drafts) {
      if (draft.id() == null) {
        continue;
      }
      TaskDraft first = byId.putIfAbsent(draft.idText(), draft);
      if (first != null) {
        problems.add(
            draft.id().position(),
            "task id '"
                + draft.idText()
                + "' is used twice (first on line "
                + first.id().position().line()
                + ")");
      }
    }
    return byId;
  }

  private void needs(TaskDraft draft, Map<String, TaskDraft> byId, Map<String, Integer> fileOrder) {
    String task = name(draft);
    Set<String> seen = new HashSet<>();
    for (Located<String> need : draft.needs()) {
      String id = need.value();
      TaskDraft needed = byId.get(id);
      if (id.equals(draft.idText())) {
        problems.add(need.position(), task + " needs itself");
      } else if (needed == null) {
        problems.add(
            need.position(),
            task
                + " needs '"
                + id
                + "', which is not a task"
                + Suggestions.hint(id, byId.keySet()));
      } else if (!seen.add(id)) {
        problems.add(need.position(), task + " needs '" + id + "' twice");
      } else if (draft.foundation() && !needed.foundation()) {
        problems.add(
            need.position(),
            "foundation "
                + task
                + " needs '"
                + id
                + "', which is not a foundation task; foundation tasks run first,"
                + " so they can only need other foundation tasks");
      } else if (draft.foundation() && isLater(id, draft.idText(), fileOrder)) {
        problems.add(
            need.position(),
            "foundation "
                + task
                + " needs '"
                + id
                + "', which comes later in the file; foundation tasks run in file order,"
                + " so move '"
                + id
                + "' above '"
                + draft.idText()
                + "'");
      }
    }
  }

  private static boolean isLater(String id, String than, Map<String, Integer> fileOrder) {
    Integer own = fileOrder.get(than);
    return own != null && fileOrder.get(id) > own;
  }

  /** Each cycle once, reported where its first task names the next one. */
  private void cycles(Map<String, TaskDraft> byId) {
    Map<String, List<String>> needs = new LinkedHashMap<>();
    byId.forEach((id, draft) -> needs.put(id, draft.needs().stream().map(Located::value).toList()));
    for (List<String> cycle : CycleFinder.find(List.copyOf(byId.keySet()), needs)) {
      String first = cycle.get(0);
      String next = cycle.get(1 % cycle.size());
      Position at =
          byId.get(first).needs().stream()
              .filter(n -> n.value().equals(next))
              .findFirst()
              .map(Located::position)
              .orElse(byId.get(first).position());
      problems.add(at, "the needs form a cycle: " + String.join(" -> ", cycle) + " -> " + first);
    }
  }

  private void agents(List<TaskDraft> drafts, TaskDefaults defaults, AgentsReader.Agents agents) {
    Located<String> fallback = defaults.agent();
    if (fallback != null) {
      String unknown = agents.unknown(fallback.value());
      if (unknown != null) {
        problems.add(
            fallback.position(), "defaults: 'agent' is '" + fallback.value() + "'" + unknown);
      }
    }
    for (TaskDraft draft : drafts) {
      Located<String> own = draft.ownAgent();
      if (own == null) {
        if (agentRequired && draft.agent() == null) {
          problems.add(
              draft.position(),
              name(draft) + " has no agent: set 'agent' on the task, or under 'defaults'");
        }
        continue;
      }
      String unknown = agents.unknown(own.value());
      if (unknown != null) {
        problems.add(own.position(), name(draft) + ": 'agent' is '" + own.value() + "'" + unknown);
      }
    }
  }

  private static String name(TaskDraft draft) {
    return draft.id() != null
        ? "task '" + draft.idText() + "'"
        : "the task on line " + draft.position().line();
  }
}
