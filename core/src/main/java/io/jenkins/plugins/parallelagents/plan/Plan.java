package io.jenkins.plugins.parallelagents.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated plan (version 1), with defaults applied to every task.
 *
 * @param source where the plan was read from, for messages (a file name or path as given)
 * @param base branch or commit every task starts from, or {@code null} for the current branch
 * @param target combined branch to publish; {@code agents/<name>} when the file names none
 * @param interfaces the shared contracts given to every task, possibly empty
 * @param agents agent profiles by name, in file order
 * @param tasks tasks in file order
 * @param maxParallel tasks running at once; the number of tasks when the file names none
 * @param test the test command run on the combined tree, or {@code null}
 * @param guard what a task's work may not add, and which values are masked; never {@code null}
 * @param cache what setup makes that trees with the same key files reuse, or {@code null}
 * @param environment what each task and test run gets of its own; never {@code null}
 * @param budget what the run's agents may spend before no more tasks start, or {@code null}
 */
public record Plan(
    String source,
    int version,
    String name,
    String base,
    String target,
    String interfaces,
    Map<String, AgentProfile> agents,
    List<Task> tasks,
    int maxParallel,
    boolean failFast,
    MergeSettings merge,
    TestSettings test,
    PublishSettings publish,
    CleanupSettings cleanup,
    GuardSettings guard,
    CacheSettings cache,
    EnvironmentSettings environment,
    BudgetSettings budget) {

  public Plan {
    Objects.requireNonNull(name);
    Objects.requireNonNull(target);
    interfaces = interfaces == null ? "" : interfaces;
    agents = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(agents));
    tasks = List.copyOf(tasks);
    Objects.requireNonNull(merge);
    Objects.requireNonNull(publish);
    Objects.requireNonNull(cleanup);
    guard = guard == null ? GuardSettings.DEFAULT : guard;
    environment = environment == null ? EnvironmentSettings.NONE : environment;
  }

  /** A plan without a budget. */
  public Plan(
      String source,
      int version,
      String name,
      String base,
      String target,
      String interfaces,
      Map<String, AgentProfile> agents,
      List<Task> tasks,
      int maxParallel,
      boolean failFast,
      MergeSettings merge,
      TestSettings test,
      PublishSettings publish,
      CleanupSettings cleanup,
      GuardSettings guard,
      CacheSettings cache,
      EnvironmentSettings environment) {
    this(
        source,
        version,
        name,
        base,
        target,
        interfaces,
        agents,
        tasks,
        maxParallel,
        failFast,
        merge,
        test,
        publish,
        cleanup,
        guard,
        cache,
        environment,
        null);
  }

  /** A plan without an {@code environment} section. */
  public Plan(
      String source,
      int version,
      String name,
      String base,
      String target,
      String interfaces,
      Map<String, AgentProfile> agents,
      List<Task> tasks,
      int maxParallel,
      boolean failFast,
      MergeSettings merge,
      TestSettings test,
      PublishSettings publish,
      CleanupSettings cleanup,
      GuardSettings guard,
      CacheSettings cache) {
    this(
        source,
        version,
        name,
        base,
        target,
        interfaces,
        agents,
        tasks,
        maxParallel,
        failFast,
        merge,
        test,
        publish,
        cleanup,
        guard,
        cache,
        null);
  }

  /** A plan without a cache. */
  public Plan(
      String source,
      int version,
      String name,
      String base,
      String target,
      String interfaces,
      Map<String, AgentProfile> agents,
      List<Task> tasks,
      int maxParallel,
      boolean failFast,
      MergeSettings merge,
      TestSettings test,
      PublishSettings publish,
      CleanupSettings cleanup,
      GuardSettings guard) {
    this(
        source,
        version,
        name,
        base,
        target,
        interfaces,
        agents,
        tasks,
        maxParallel,
        failFast,
        merge,
        test,
        publish,
        cleanup,
        guard,
        null,
        null);
  }

  /** This plan starting from {@code base} (a branch, tag or commit) instead. */
  public Plan withBase(String base) {
    return new Plan(
        source,
        version,
        name,
        base,
        target,
        interfaces,
        agents,
        tasks,
        maxParallel,
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

  /** The same plan publishing to {@code target} (a branch name {@link BranchName} accepts). */
  public Plan withTarget(String target) {
    return new Plan(
        source,
        version,
        name,
        base,
        target,
        interfaces,
        agents,
        tasks,
        maxParallel,
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

  /** The same plan with other {@code publish} settings. */
  public Plan withPublish(PublishSettings publish) {
    return new Plan(
        source,
        version,
        name,
        base,
        target,
        interfaces,
        agents,
        tasks,
        maxParallel,
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

  /** The same plan with another {@code environment} section. */
  public Plan withEnvironment(EnvironmentSettings environment) {
    return new Plan(
        source,
        version,
        name,
        base,
        target,
        interfaces,
        agents,
        tasks,
        maxParallel,
        failFast,
        merge,
        test,
        publish,
        cleanup,
        guard,
        cache,
        environment);
  }

  public Optional<Task> task(String id) {
    return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** Foundation tasks in file order: they run first, one after another. */
  public List<Task> foundationTasks() {
    return tasks.stream().filter(Task::foundation).toList();
  }

  /** Tasks that fan out after the foundation, in file order. */
  public List<Task> fanOutTasks() {
    return tasks.stream().filter(t -> !t.foundation()).toList();
  }
}
