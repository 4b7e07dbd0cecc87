package io.jenkins.plugins.parallelagents.regenerate;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.merge.ConflictRegenerator;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.RegenerateRule;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Builds the regenerator of a run from its plan. */
public final class Regenerators {

  /** How long one regenerating command may run when the plan has no test to take it from. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

  private Regenerators() {}

  /**
   * The plan's {@code merge.regenerate} rules, then the built-in ones for npm, yarn and pnpm.
   * Commands run in the combined tree with {@code environment}, each for at most the test's
   * timeout.
   *
   * @param git runs git in the combined tree
   * @param log the merge log, where the commands' output is appended
   * @param lines receives the commands' output, line by line
   */
  public static ConflictRegenerator forPlan(
      Plan plan,
      Git git,
      CommandRunner runner,
      Map<String, String> environment,
      Path log,
      Consumer<String> lines) {
    Duration timeout = plan.test() == null ? DEFAULT_TIMEOUT : plan.test().timeout();
    return of(plan.merge().regenerate(), git, runner, environment, timeout, log, lines);
  }

  /** The regenerator of {@code planRules} and the built-in rules. */
  public static ConflictRegenerator of(
      List<RegenerateRule> planRules,
      Git git,
      CommandRunner runner,
      Map<String, String> environment,
      Duration timeout,
      Path log,
      Consumer<String> lines) {
    ConflictStages stages = new ConflictStages(git);
    RegenerationCommands commands =
        new RegenerationCommands(runner, environment, timeout, log, lines);
    List<Rule> rules = new ArrayList<>();
    for (RegenerateRule rule : planRules) {
      rules.add(new PlanRule(rule, stages, commands));
    }
    rules.add(new PackageManagerRule(stages, commands));
    return new RegenerationRules(rules);
  }
}
