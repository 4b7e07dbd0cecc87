package io.jenkins.plugins.parallelagents.agent;

import io.jenkins.plugins.parallelagents.plan.Task;
import java.util.List;
import java.util.Map;

/**
 * Writes the text an agent receives: the task's prompt, the plan's shared interfaces (so that
 * parallel tasks agree on one design), and a short context block.
 */
public final class PromptBuilder {

  private static final int MAX_FILES_LISTED = 20;

  private PromptBuilder() {}

  public static String build(
      Task task,
      String interfaces,
      String branch,
      String startCommit,
      List<DependencyOutcome> dependencies) {
    return build(task, interfaces, branch, startCommit, dependencies, List.of());
  }

  /**
   * The prompt, naming the ports the agent's servers must listen on.
   *
   * @param attemptPorts the ports of each attempt by variable, attempt 1 first; empty, or empty
   *     maps, when the plan names no ports
   */
  public static String build(
      Task task,
      String interfaces,
      String branch,
      String startCommit,
      List<DependencyOutcome> dependencies,
      List<Map<String, Integer>> attemptPorts) {
    StringBuilder text = new StringBuilder(task.prompt().strip()).append("\n");
    if (!interfaces.isBlank()) {
      text.append("\n## Shared interfaces\n\n")
          .append("Every task of this feature builds against these contracts; keep to them.\n\n")
          .append(interfaces.strip())
          .append("\n");
    }
    text.append("\n## Context\n\n");
    text.append("- Task: ").append(task.id()).append(" (").append(task.title()).append(")\n");
    text.append("- Branch: ")
        .append(branch)
        .append(", started at ")
        .append(startCommit)
        .append("\n");
    if (!task.paths().isEmpty()) {
      text.append("- Declared paths: ")
          .append(String.join(", ", task.paths()))
          .append(" (edits elsewhere are reported)\n");
    }
    for (DependencyOutcome dependency : dependencies) {
      text.append("- Builds on ")
          .append(dependency.id())
          .append(" (")
          .append(dependency.title())
          .append("), already merged into this branch");
      if (dependency.commit() != null) {
        text.append(" at ")
            .append(dependency.commit(), 0, Math.min(12, dependency.commit().length()));
      }
      List<String> files = dependency.changedFiles();
      if (!files.isEmpty()) {
        text.append(": changed ")
            .append(String.join(", ", files.subList(0, Math.min(files.size(), MAX_FILES_LISTED))));
        if (files.size() > MAX_FILES_LISTED) {
          text.append(" and ").append(files.size() - MAX_FILES_LISTED).append(" more");
        }
      }
      text.append("\n");
    }
    text.append(PortLines.of(attemptPorts));
    text.append(
        "- Work in this folder only. Commit or leave changes uncommitted (they are committed for"
            + " you); do not push.\n");
    return text.toString();
  }
}
