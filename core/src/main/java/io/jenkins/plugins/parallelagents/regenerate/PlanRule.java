package io.jenkins.plugins.parallelagents.regenerate;

import io.jenkins.plugins.parallelagents.agent.AgentCommands;
import io.jenkins.plugins.parallelagents.plan.PathGlobs;
import io.jenkins.plugins.parallelagents.plan.RegenerateRule;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A rule of the plan's {@code merge.regenerate}: the conflicted files take the combination's
 * version, then the rule's command rebuilds them from the merged sources, in the tree's root.
 */
final class PlanRule implements Rule {

  private final RegenerateRule rule;
  private final PathMatcher files;
  private final ConflictStages stages;
  private final RegenerationCommands commands;

  PlanRule(RegenerateRule rule, ConflictStages stages, RegenerationCommands commands) {
    this.rule = rule;
    this.files = PathGlobs.compile(rule.files());
    this.stages = stages;
    this.commands = commands;
  }

  @Override
  public boolean covers(String file) {
    return files.matches(Path.of(file));
  }

  @Override
  public Step regenerate(Path tree, String task, List<String> conflicted) throws Refusal {
    for (String file : conflicted) {
      stages.write(tree, file, stages.read(tree, file, task).ours());
    }
    String display = rule.command().display();
    CommandResult result =
        commands.run(
            tree, AgentCommands.argv(rule.command(), Map.of("worktree", tree.toString())), display);
    if (!result.ok()) {
      throw new Refusal(RegenerationCommands.failure(result, display));
    }
    List<String> changed = stages.unstaged(tree);
    stages.stage(tree, changed);
    TreeSet<String> written = new TreeSet<>(conflicted);
    written.addAll(changed);
    return new Step(List.copyOf(written), List.of(display));
  }
}
