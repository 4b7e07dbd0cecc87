package io.jenkins.plugins.parallelagents.plan;

import java.util.List;

/**
 * The keys a plan file may use, per section, in the order the documentation lists them. Anything
 * else is an error; the shipped JSON schema lists the same keys (a test keeps the two equal).
 */
public final class PlanKeys {

  /** Keys at the top of the file. */
  public static final List<String> TOP_LEVEL =
      List.of(
          "version",
          "name",
          "base",
          "target",
          "interfaces",
          "agents",
          "defaults",
          "maxParallel",
          "failFast",
          "tasks",
          "merge",
          "test",
          "cache",
          "environment",
          "publish",
          "cleanup",
          "guard",
          "budget");

  /** Keys of one task. */
  public static final List<String> TASK =
      List.of(
          "id",
          "title",
          "foundation",
          "needs",
          "prompt",
          "paths",
          "agent",
          "timeout",
          "attempts",
          "setup",
          "verify",
          "label");

  /**
   * Task keys that {@code defaults} may set (everything but what makes a task itself), and {@code
   * sandbox}, which applies to every agent profile.
   */
  public static final List<String> DEFAULTS =
      List.of("agent", "timeout", "attempts", "setup", "verify", "paths", "label", "sandbox");

  /** Keys of the {@code budget} section. */
  public static final List<String> BUDGET = List.of("tokens", "costUsd");

  /** Keys of one agent profile. */
  public static final List<String> AGENT = List.of("command", "sandbox");

  /** Keys of the {@code merge} section. */
  public static final List<String> MERGE =
      List.of("strategy", "onConflict", "resolver", "onTestFailure", "maxTestRuns", "regenerate");

  /** Keys of one rule of {@code merge.regenerate}. */
  public static final List<String> REGENERATE_RULE = List.of("files", "command");

  /** Keys of the {@code test} section. */
  public static final List<String> TEST = List.of("setup", "command", "timeout");

  /** Keys of the {@code cache} section. */
  public static final List<String> CACHE = List.of("key", "paths");

  /** Keys of the {@code environment} section. */
  public static final List<String> ENVIRONMENT = List.of("ports", "database", "carry");

  /** Keys of the {@code publish} section. */
  public static final List<String> PUBLISH = List.of("remote", "force");

  /** Keys of the {@code cleanup} section. */
  public static final List<String> CLEANUP = List.of("keepDays", "keepRuns", "keepSnapshotsDays");

  /** Keys of the {@code guard} section. */
  public static final List<String> GUARD =
      List.of("secrets", "maxFileSize", "junk", "allow", "redact");

  /** Keys of {@code environment.database}. */
  public static final List<String> DATABASE =
      List.of("url", "variables", "create", "createEmpty", "drop");

  /** The keys of {@code environment.database} for an engine driven through commands. */
  public static final List<String> DATABASE_COMMANDS = List.of("create", "createEmpty", "drop");

  private PlanKeys() {}
}
