package io.jenkins.plugins.parallelagents.graph;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Shows a valid plan's task graph as text, Mermaid or Graphviz DOT. Edges point from a task to the
 * tasks that need it, the direction work flows in; foundation tasks are marked in every format.
 */
public final class GraphRenderer {

  /** The plan's graph in {@code format}, ending with a line break. */
  public String render(Plan plan, GraphFormat format) {
    return switch (format) {
      case TEXT -> text(plan);
      case MERMAID -> mermaid(plan);
      case DOT -> dot(plan);
    };
  }

  /**
   * Foundation tasks in the order they run, then the other tasks grouped by level: level 1 needs
   * nothing but the foundation, level n needs something from level n-1. Tasks of one level can run
   * at the same time.
   */
  public String text(Plan plan) {
    TaskGraph graph = TaskGraph.of(plan.tasks());
    StringBuilder out = new StringBuilder();
    int foundations = plan.foundationTasks().size();
    out.append("plan ")
        .append(plan.name())
        .append(": ")
        .append(count(plan.tasks().size(), "task"))
        .append(foundations > 0 ? ", " + foundations + " foundation" : "")
        .append('\n');
    if (foundations > 0) {
      out.append("foundation, one after another:\n");
      for (Task task : plan.foundationTasks()) {
        out.append("  ").append(line(task, "[foundation] ")).append('\n');
      }
    }
    levels(plan, graph)
        .forEach(
            (level, tasks) -> {
              out.append("level ").append(level).append(", in parallel:\n");
              tasks.forEach(task -> out.append("  ").append(line(task, "")).append('\n'));
            });
    return out.toString();
  }

  /** A Mermaid flowchart; foundation tasks have the subroutine shape and the foundation class. */
  public String mermaid(Plan plan) {
    Map<String, String> node = nodeNames(plan);
    StringBuilder out = new StringBuilder("flowchart TD\n");
    for (Task task : plan.tasks()) {
      String label = label(task, "<br/>", GraphRenderer::mermaidText);
      out.append("  ").append(node.get(task.id()));
      if (task.foundation()) {
        out.append("[[\"").append(label).append("\"]]:::foundation\n");
      } else {
        out.append("[\"").append(label).append("\"]\n");
      }
    }
    for (Task task : plan.tasks()) {
      for (String need : task.needs()) {
        out.append("  ")
            .append(node.get(need))
            .append(" --> ")
            .append(node.get(task.id()))
            .append('\n');
      }
    }
    if (!plan.foundationTasks().isEmpty()) {
      out.append("  classDef foundation fill:#fde68a,stroke:#b45309,stroke-width:2px\n");
    }
    return out.toString();
  }

  /** A Graphviz digraph; foundation tasks are filled and drawn with a double border. */
  public String dot(Plan plan) {
    StringBuilder out = new StringBuilder();
    out.append("digraph ").append(dotText(plan.name())).append(" {\n");
    out.append("  node [shape=box, style=rounded];\n");
    for (Task task : plan.tasks()) {
      out.append("  ")
          .append(dotText(task.id()))
          .append(" [label=")
          .append(dotText(label(task, "\n", text -> text)));
      if (task.foundation()) {
        out.append(", style=\"rounded,filled\", fillcolor=\"#fde68a\", peripheries=2");
      }
      out.append("];\n");
    }
    for (Task task : plan.tasks()) {
      for (String need : task.needs()) {
        out.append("  ")
            .append(dotText(need))
            .append(" -> ")
            .append(dotText(task.id()))
            .append(";\n");
      }
    }
    return out.append("}\n").toString();
  }

  /** Non-foundation tasks by level, in topological order within a level. */
  private static Map<Integer, List<Task>> levels(Plan plan, TaskGraph graph) {
    Map<String, Task> byId = new HashMap<>();
    plan.tasks().forEach(task -> byId.put(task.id(), task));
    Map<String, Integer> level = new HashMap<>();
    Map<Integer, List<Task>> byLevel = new TreeMap<>();
    for (String id : graph.topologicalOrder()) {
      Task task = byId.get(id);
      if (task.foundation()) {
        level.put(id, 0);
        continue;
      }
      int own = 1;
      for (String need : graph.needs(id)) {
        own = Math.max(own, level.get(need) + 1);
      }
      level.put(id, own);
      byLevel.computeIfAbsent(own, l -> new ArrayList<>()).add(task);
    }
    return byLevel;
  }

  private static String line(Task task, String mark) {
    StringBuilder line = new StringBuilder(mark).append(task.id());
    if (!task.title().equals(task.id())) {
      line.append(" - ").append(oneLine(task.title()));
    }
    if (!task.needs().isEmpty()) {
      line.append(" (needs ").append(String.join(", ", task.needs())).append(')');
    }
    return line.toString();
  }

  /** The id, and below it the title when there is one; {@code escape} applies to both. */
  private static String label(Task task, String lineBreak, UnaryOperator<String> escape) {
    String title = oneLine(task.title());
    String id = escape.apply(task.id());
    return title.equals(task.id()) ? id : id + lineBreak + escape.apply(title);
  }

  /**
   * Mermaid node names made from the plan position: task ids may contain '-' or be a keyword such
   * as {@code end}, which Mermaid would misread as syntax.
   */
  private static Map<String, String> nodeNames(Plan plan) {
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < plan.tasks().size(); i++) {
      names.put(plan.tasks().get(i).id(), "t" + (i + 1));
    }
    return names;
  }

  private static String mermaidText(String text) {
    return text.replace("#", "#35;")
        .replace("\"", "#quot;")
        .replace("<", "#lt;")
        .replace(">", "#gt;");
  }

  private static String dotText(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
