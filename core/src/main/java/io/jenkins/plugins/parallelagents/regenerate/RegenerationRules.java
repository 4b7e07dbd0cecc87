package io.jenkins.plugins.parallelagents.regenerate;

import io.jenkins.plugins.parallelagents.git.GitException;
import io.jenkins.plugins.parallelagents.merge.ConflictRegenerator;
import io.jenkins.plugins.parallelagents.merge.TaskBranch;
import io.jenkins.plugins.parallelagents.report.Regenerated;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settles a conflict whose every file a rule covers: each file goes to the first rule that covers
 * it, and the rules run in order. One rule that cannot settle its files leaves the conflict
 * unsettled, with its reason.
 */
final class RegenerationRules implements ConflictRegenerator {

  private final List<Rule> rules;

  RegenerationRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  @Override
  public boolean covers(List<String> files) {
    return !files.isEmpty() && files.stream().allMatch(f -> ruleFor(f) != null);
  }

  @Override
  public Result regenerate(Path worktree, TaskBranch task, List<String> files) {
    Map<Rule, List<String>> assigned = new LinkedHashMap<>();
    for (Rule rule : rules) {
      List<String> mine = files.stream().filter(f -> ruleFor(f) == rule).toList();
      if (!mine.isEmpty()) {
        assigned.put(rule, mine);
      }
    }
    Set<String> written = new LinkedHashSet<>();
    List<String> commands = new ArrayList<>();
    try {
      for (Map.Entry<Rule, List<String>> entry : assigned.entrySet()) {
        Rule.Step step = entry.getKey().regenerate(worktree, task.taskId(), entry.getValue());
        written.addAll(step.files());
        commands.addAll(step.commands());
      }
    } catch (Refusal e) {
      return Result.failed(e.getMessage());
    } catch (GitException e) {
      return Result.failed(e.getMessage());
    }
    return Result.regenerated(
        new Regenerated(task.taskId(), List.copyOf(written), List.copyOf(commands)));
  }

  private Rule ruleFor(String file) {
    return rules.stream().filter(r -> r.covers(file)).findFirst().orElse(null);
  }
}
