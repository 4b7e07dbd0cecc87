package io.jenkins.plugins.parallelagents.testing;

import io.jenkins.plugins.parallelagents.plan.AgentProfile;
import io.jenkins.plugins.parallelagents.plan.BudgetSettings;
import io.jenkins.plugins.parallelagents.plan.CacheSettings;
import io.jenkins.plugins.parallelagents.plan.CleanupSettings;
import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.plan.EnvironmentSettings;
import io.jenkins.plugins.parallelagents.plan.GuardSettings;
import io.jenkins.plugins.parallelagents.plan.MergeSettings;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.plan.TestSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds plans for engine tests directly as values, so that engine tests do not depend on the
 * parser. Each task gets an agent profile of its own whose command is the task's shell script.
 */
public final class Plans {

  private final List<Task> tasks = new ArrayList<>();
  private final Map<String, AgentProfile> agents = new LinkedHashMap<>();
  private MergeSettings merge = MergeSettings.DEFAULT;
  private TestSettings test;
  private PublishSettings publish = PublishSettings.LOCAL_ONLY;
  private int maxParallel;
  private boolean failFast;
  private String target = "agents/feature";
  private String interfaces = "";
  private GuardSettings guard = GuardSettings.DEFAULT;
  private boolean sandbox;
  private CleanupSettings cleanup = CleanupSettings.DEFAULT;
  private CacheSettings cache;
  private EnvironmentSettings environment;
  private BudgetSettings budget;

  /** A task whose agent runs the shell line {@code script} in the task's worktree. */
  public Plans task(String id, String script, String... needs) {
    return add(task(id, false, needs), script);
  }

  public Plans foundation(String id, String script) {
    return add(task(id, true), script);
  }

  /**
   * Adds a task (made with {@link #task(String, boolean, String...)} and changed) and its agent.
   */
  public Plans add(Task task, String script) {
    agents.put(task.agent(), new AgentProfile(task.agent(), CommandSpec.shell(script)));
    tasks.add(task);
    return this;
  }

  /** A task with the defaults used here, running agent {@code agent-<id>}. */
  public static Task task(String id, boolean foundation, String... needs) {
    return new Task(
        id,
        "Task " + id,
        foundation,
        List.of(needs),
        "Do task " + id + ".",
        List.of(),
        "agent-" + id,
        Duration.ofMinutes(2),
        1,
        null,
        null,
        null);
  }

  public Plans agent(String name, CommandSpec command) {
    agents.put(name, new AgentProfile(name, command));
    return this;
  }

  public Plans merge(MergeSettings merge) {
    this.merge = merge;
    return this;
  }

  public Plans test(String command) {
    this.test = new TestSettings(CommandSpec.shell(command), Duration.ofMinutes(2));
    return this;
  }

  /** A test with a setup run before it in the combined tree. */
  public Plans test(String setup, String command) {
    this.test =
        new TestSettings(
            CommandSpec.shell(command), Duration.ofMinutes(2), CommandSpec.shell(setup));
    return this;
  }

  public Plans publish(PublishSettings publish) {
    this.publish = publish;
    return this;
  }

  public Plans cleanup(CleanupSettings cleanup) {
    this.cleanup = cleanup;
    return this;
  }

  public Plans cache(CacheSettings cache) {
    this.cache = cache;
    return this;
  }

  public Plans environment(EnvironmentSettings environment) {
    this.environment = environment;
    return this;
  }

  public Plans budget(BudgetSettings budget) {
    this.budget = budget;
    return this;
  }

  public Plans maxParallel(int maxParallel) {
    this.maxParallel = maxParallel;
    return this;
  }

  public Plans failFast() {
    this.failFast = true;
    return this;
  }

  public Plans target(String target) {
    this.target = target;
    return this;
  }

  public Plans interfaces(String interfaces) {
    this.interfaces = interfaces;
    return this;
  }

  public Plans guard(GuardSettings guard) {
    this.guard = guard;
    return this;
  }

  /** Every agent runs in the sandbox, as with {@code defaults.sandbox: true}. */
  public Plans sandbox() {
    this.sandbox = true;
    return this;
  }

  public Plan build() {
    Map<String, AgentProfile> profiles = new LinkedHashMap<>();
    agents.forEach(
        (name, agent) ->
            profiles.put(
                name, new AgentProfile(name, agent.command(), sandbox || agent.sandbox())));
    return new Plan(
        "agents-plan.yaml",
        1,
        "feature",
        null,
        target,
        interfaces,
        profiles,
        tasks,
        maxParallel == 0 ? tasks.size() : maxParallel,
        failFast,
        merge,
        test,
        publish,
        cleanup,
        guard,
        cache,
        environment,
        budget);
  }

  /** {@code task} with {@code verify} as its verify command, as a shell line. */
  public static Task withVerify(Task task, String verify) {
    return withSteps(task, task.setup(), CommandSpec.shell(verify));
  }

  /** {@code task} with {@code setup} and {@code verify} as its shell lines; {@code null}: none. */
  public static Task withSteps(Task task, String setup, String verify) {
    return withSteps(
        task,
        setup == null ? null : CommandSpec.shell(setup),
        verify == null ? null : CommandSpec.shell(verify));
  }

  private static Task withSteps(Task task, CommandSpec setup, CommandSpec verify) {
    return new Task(
        task.id(),
        task.title(),
        task.foundation(),
        task.needs(),
        task.prompt(),
        task.paths(),
        task.agent(),
        task.timeout(),
        task.attempts(),
        setup,
        verify,
        task.label());
  }
}
