package io.jenkins.plugins.parallelagents.report;

import io.jenkins.plugins.parallelagents.usage.AgentUsage;
import io.jenkins.plugins.parallelagents.usage.Spend;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One attempt of a task (best-of-N runs several).
 *
 * @param exitCode exit code of the step that decided the attempt, or {@code null} if none ran
 * @param branch the attempt's own branch
 * @param commit the attempt's resulting commit, or {@code null}
 * @param commits the attempt's own commits, oldest first, as the engine took them from the task's
 *     repository: this list, not a commit message's trailers (which an agent can write), says which
 *     commits are the task's
 * @param diffLines insertions plus deletions, used to rank passing attempts
 * @param reason why it did not succeed, or {@code null}
 * @param startedAt when the attempt's steps began (its repository was ready), or {@code null} when
 *     it never got that far, and in reports written before attempts were timed
 * @param steps the steps the attempt ran, by {@link AttemptStep#key()}, in the order they ran; a
 *     step that did not run (no {@code setup} in the plan, no {@code verify} after a failed agent)
 *     is absent
 * @param setupChanged paths the task's {@code setup} changed (a rewritten lockfile, a generated
 *     file) that were left out of the attempt's commit: the task's diff starts after setup
 * @param failure what the step that failed the attempt (its setup, agent or verify) printed, or
 *     {@code null} when the attempt did not fail in one of them
 * @param ports the port of each variable of the plan's {@code environment.ports} that the attempt's
 *     steps got; empty when the plan names none
 * @param carried paths of the ignored files copied from the user's checkout into the attempt's tree
 *     before setup ({@code environment.carry}), never their content; none was committed
 * @param usage the tokens, cost and conversation the agent's CLI printed as JSON lines (Claude
 *     Code, Codex, Gemini CLI), or {@code null} when its log holds none
 */
public record AttemptReport(
    int n,
    TaskStatus status,
    Integer exitCode,
    long durationMs,
    String branch,
    String commit,
    List<String> commits,
    int diffLines,
    String reason,
    Instant startedAt,
    Map<String, StepTime> steps,
    List<String> setupChanged,
    FailureExcerpt failure,
    Map<String, Integer> ports,
    List<String> carried,
    AgentUsage usage) {

  public AttemptReport {
    setupChanged = setupChanged == null ? List.of() : List.copyOf(setupChanged);
    carried = carried == null ? List.of() : List.copyOf(carried);
    commits = commits == null ? List.of() : List.copyOf(commits);
    // Copied in order: the order is the order the steps ran.
    steps = Collections.unmodifiableMap(steps == null ? Map.of() : new LinkedHashMap<>(steps));
    ports = Collections.unmodifiableMap(ports == null ? Map.of() : new LinkedHashMap<>(ports));
  }

  /** An attempt whose agent printed no usage. */
  public AttemptReport(
      int n,
      TaskStatus status,
      Integer exitCode,
      long durationMs,
      String branch,
      String commit,
      List<String> commits,
      int diffLines,
      String reason,
      Instant startedAt,
      Map<String, StepTime> steps,
      List<String> setupChanged,
      FailureExcerpt failure,
      Map<String, Integer> ports,
      List<String> carried) {
    this(
        n,
        status,
        exitCode,
        durationMs,
        branch,
        commit,
        commits,
        diffLines,
        reason,
        startedAt,
        steps,
        setupChanged,
        failure,
        ports,
        carried,
        null);
  }

  /** What the attempt's agent spent: nothing when its usage is unknown. */
  public Spend spend() {
    return Spend.of(usage);
  }

  /** This attempt with what its agent's CLI reported. */
  public AttemptReport withUsage(AgentUsage usage) {
    return new AttemptReport(
        n,
        status,
        exitCode,
        durationMs,
        branch,
        commit,
        commits,
        diffLines,
        reason,
        startedAt,
        steps,
        setupChanged,
        failure,
        ports,
        carried,
        usage);
  }

  /** An attempt that got no ports and nothing carried. */
  public AttemptReport(
      int n,
      TaskStatus status,
      Integer exitCode,
      long durationMs,
      String branch,
      String commit,
      List<String> commits,
      int diffLines,
      String reason,
      Instant startedAt,
      Map<String, StepTime> steps,
      List<String> setupChanged,
      FailureExcerpt failure) {
    this(
        n,
        status,
        exitCode,
        durationMs,
        branch,
        commit,
        commits,
        diffLines,
        reason,
        startedAt,
        steps,
        setupChanged,
        failure,
        null,
        null);
  }

  /** This attempt with the ports its steps got. */
  public AttemptReport withPorts(Map<String, Integer> ports) {
    return new AttemptReport(
        n,
        status,
        exitCode,
        durationMs,
        branch,
        commit,
        commits,
        diffLines,
        reason,
        startedAt,
        steps,
        setupChanged,
        failure,
        ports,
        carried,
        usage);
  }

  /** An attempt whose setup changed nothing that was left out, without an excerpt. */
  public AttemptReport(
      int n,
      TaskStatus status,
      Integer exitCode,
      long durationMs,
      String branch,
      String commit,
      List<String> commits,
      int diffLines,
      String reason,
      Instant startedAt,
      Map<String, StepTime> steps) {
    this(
        n,
        status,
        exitCode,
        durationMs,
        branch,
        commit,
        commits,
        diffLines,
        reason,
        startedAt,
        steps,
        null,
        null,
        null,
        null);
  }

  /** An attempt whose steps were not timed. */
  public AttemptReport(
      int n,
      TaskStatus status,
      Integer exitCode,
      long durationMs,
      String branch,
      String commit,
      List<String> commits,
      int diffLines,
      String reason) {
    this(
        n,
        status,
        exitCode,
        durationMs,
        branch,
        commit,
        commits,
        diffLines,
        reason,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** This attempt with {@code excerpt} as what its failed step printed. */
  public AttemptReport withFailure(FailureExcerpt excerpt) {
    return new AttemptReport(
        n,
        status,
        exitCode,
        durationMs,
        branch,
        commit,
        commits,
        diffLines,
        reason,
        startedAt,
        steps,
        setupChanged,
        excerpt,
        ports,
        carried,
        usage);
  }

  /** This attempt, whose tree got {@code paths} carried into it. */
  public AttemptReport withCarried(List<String> paths) {
    return new AttemptReport(
        n,
        status,
        exitCode,
        durationMs,
        branch,
        commit,
        commits,
        diffLines,
        reason,
        startedAt,
        steps,
        setupChanged,
        failure,
        ports,
        paths,
        usage);
  }
}
