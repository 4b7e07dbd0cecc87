package io.jenkins.plugins.parallelagents.agent;

import io.jenkins.plugins.parallelagents.cache.TreeCache;
import io.jenkins.plugins.parallelagents.carry.CarriedFiles;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitException;
import io.jenkins.plugins.parallelagents.git.SetupSnapshot;
import io.jenkins.plugins.parallelagents.git.TaskRepositories;
import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.process.CommandRequest;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import io.jenkins.plugins.parallelagents.report.AttemptStep;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.sandbox.Sandbox;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one attempt of a task in its prepared worktree, as the agent contract orders it: setup,
 * agent, commit of whatever the agent left, verify. Work is committed even when a step fails, so
 * that the attempt's branch keeps it for inspection.
 */
public final class AttemptRunner {

  /** Receives each output line of a step ({@code setup}, {@code agent}, {@code verify}). */
  public interface OutputSink {
    void line(String step, String line);

    /** A step of the attempt starts: the previous one, if any, has ended. */
    default void stepStarted(AttemptStep step) {}
  }

  private static final OutputSink NOWHERE = (step, line) -> {};

  /**
   * Looks at what the agent left in its tree before the engine stages it, for what must not even be
   * staged (a file so large that hashing it would hold the run).
   */
  public interface LeftoverCheck {
    /** Why the tree's leftovers must not be committed, or empty when they may. */
    Optional<String> problem(java.nio.file.Path worktree);
  }

  /** Characters, so that even multi-byte text stays under the kernel's 128 KiB per string. */
  private static final int MAX_PROMPT_IN_ENVIRONMENT = 32 * 1024;

  private final CommandRunner runner;
  private final Git git;
  private final TaskRepositories trees;
  private final LeftoverCheck leftovers;
  private final TreeCache cache;

  /**
   * @param git a hardened git, for the engine's commits in the task's repository
   * @param trees checks what the agent left in its repository before the engine touches it
   * @param leftovers checks the agent's files before the engine stages them; a problem fails the
   *     attempt with nothing committed
   */
  public AttemptRunner(
      CommandRunner runner, Git git, TaskRepositories trees, LeftoverCheck leftovers) {
    this(runner, git, trees, leftovers, TreeCache.NONE);
  }

  /**
   * @param cache restored into the tree before setup, saved from it after a setup that passed
   */
  public AttemptRunner(
      CommandRunner runner,
      Git git,
      TaskRepositories trees,
      LeftoverCheck leftovers,
      TreeCache cache) {
    this.runner = runner;
    this.git = git;
    this.trees = trees;
    this.leftovers = leftovers;
    this.cache = cache;
  }

  /**
   * Runs the whole attempt. The result records when it started and when each step ran; {@code sink}
   * hears of each step as it starts, and of each line of output.
   */
  public AttemptResult run(
      AttemptContext context, String prompt, java.nio.file.Path promptFile, OutputSink sink) {
    StepTimer timer = new StepTimer(System.currentTimeMillis(), sink);
    AttemptResult setupFailure = setup(context, prompt, promptFile, timer);
    if (setupFailure != null) {
      return setupFailure;
    }
    CommandResult agent =
        step(context, AttemptStep.AGENT, context.agent().command(), prompt, promptFile, timer);
    if (!agent.ok()) {
      return finish(context, timer, agent, describeAgentFailure(context, agent));
    }
    return afterAgent(context, prompt, promptFile, timer);
  }

  /**
   * The setup step alone, for a host that runs the agent itself (a Jenkins block). Returns {@code
   * null} when there is no setup or it passed, or else the failed attempt.
   *
   * @param startedAtMs when the attempt started (epoch milliseconds): the task's timeout counts
   *     from there
   */
  public AttemptResult setup(
      AttemptContext context,
      String prompt,
      java.nio.file.Path promptFile,
      long startedAtMs,
      OutputSink sink) {
    return setup(context, prompt, promptFile, new StepTimer(startedAtMs, sink));
  }

  private AttemptResult setup(
      AttemptContext context, String prompt, java.nio.file.Path promptFile, StepTimer timer) {
    CommandSpec setup = context.task().setup();
    if (setup == null) {
      return null;
    }
    cache.restore(context.worktree());
    TreeCache.BeforeSetup before = cache.beforeSetup(context.worktree());
    CommandResult result = step(context, AttemptStep.SETUP, setup, prompt, promptFile, timer);
    if (!result.ok()) {
      return finish(context, timer, result, result.describeFailure("setup"));
    }
    cache.save(context.worktree(), before);
    new SetupSnapshot(git).record(context.worktree(), context.startCommit());
    return null;
  }

  /**
   * What follows a successful agent: its work committed, then verify. Reports {@code NO_CHANGES}
   * when the agent left the branch where it started.
   */
  public AttemptResult afterAgent(
      AttemptContext context,
      String prompt,
      java.nio.file.Path promptFile,
      long startedAtMs,
      OutputSink sink) {
    return afterAgent(context, prompt, promptFile, new StepTimer(startedAtMs, sink));
  }

  private AttemptResult afterAgent(
      AttemptContext context, String prompt, java.nio.file.Path promptFile, StepTimer timer) {
    timer.start(AttemptStep.COMMIT);
    Optional<String> misdeed = checkRepository(context).or(() -> checkLeftovers(context));
    if (misdeed.isPresent()) {
      return ended(
          context, timer, TaskStatus.FAILED, null, context.startCommit(), null, misdeed.get());
    }
    Committed committed = commitLeftovers(context);
    String commit = committed.commit();
    Optional<String> leaked = carriedCommitted(context, commit);
    if (leaked.isPresent()) {
      return ended(
          context, timer, TaskStatus.FAILED, null, context.startCommit(), null, leaked.get());
    }
    if (commit.equals(context.startCommit())) {
      return ended(
              context,
              timer,
              TaskStatus.NO_CHANGES,
              0,
              context.startCommit(),
              commit,
              "the agent changed nothing")
          .withSetupChanged(committed.setupChanged());
    }
    CommandSpec verify = context.task().verify();
    if (verify != null) {
      CommandResult result = step(context, AttemptStep.VERIFY, verify, prompt, promptFile, timer);
      if (!result.ok()) {
        return finish(context, timer, result, result.describeFailure("verify"), commit)
            .withSetupChanged(committed.setupChanged());
      }
    }
    return ended(context, timer, TaskStatus.SUCCEEDED, 0, context.startCommit(), commit, null)
        .withSetupChanged(committed.setupChanged());
  }

  /**
   * Ends an attempt whose agent a host ran and saw fail: what the agent left is still committed, so
   * that its branch keeps the work for inspection.
   *
   * @param status {@code FAILED}, {@code TIMED_OUT} or {@code CANCELLED}
   */
  public AttemptResult agentFailed(
      AttemptContext context, TaskStatus status, String reason, long startedAtMs) {
    StepTimer timer = new StepTimer(startedAtMs, NOWHERE);
    Kept kept = keepWork(context, reason, timer);
    return ended(context, timer, status, null, context.startCommit(), kept.commit(), kept.reason())
        .withSetupChanged(kept.setupChanged());
  }

  private CommandResult step(
      AttemptContext context,
      AttemptStep step,
      CommandSpec command,
      String prompt,
      java.nio.file.Path promptFile,
      StepTimer timer) {
    timer.start(step);
    String name = step.key();
    long deadline = timer.startedAtMs() + context.task().timeout().toMillis();
    long leftMs = Math.max(1L, deadline - System.currentTimeMillis());
    List<String> argv = AgentCommands.argv(command, placeholders(context, prompt, promptFile));
    // Only the agent is untrusted: setup and verify are the plan author's own commands.
    if (step == AttemptStep.AGENT && context.agent().sandbox()) {
      argv = Sandbox.wrap(argv, context.worktree(), List.of(promptFile, trees.borrowedObjects()));
    }
    CommandRequest request =
        CommandRequest.logged(
            context.worktree(),
            argv,
            environment(context, prompt, promptFile),
            Duration.ofMillis(leftMs),
            context.log(name),
            line -> timer.sink().line(name, line));
    return runner.run(request);
  }

  /** The engine's commit of what the agent left, and what setup changed that it left out. */
  private record Committed(String commit, List<String> setupChanged) {}

  private Committed commitLeftovers(AttemptContext context) {
    String message =
        context.task().title()
            + " (agents: "
            + context.task().id()
            + ")\n\n"
            + "Agent-Task: "
            + context.task().id()
            + "\nAgent-Name: "
            + context.agent().name()
            + "\nAgent-Attempt: "
            + context.attempt()
            + "\nAgent-Run: "
            + context.runId()
            + "\n";
    git.output(context.worktree(), "add", "-A");
    new CarriedFiles(git).leaveOut(context.worktree());
    List<String> setupChanged = new SetupSnapshot(git).leaveOut(context.worktree());
    git.commitStaged(context.worktree(), message);
    return new Committed(git.head(context.worktree()), setupChanged);
  }

  /**
   * A carried file the agent committed itself: the commit is not taken from the tree, so that the
   * file's content never reaches the user's repository.
   */
  private Optional<String> carriedCommitted(AttemptContext context, String commit) {
    return new CarriedFiles(git).committed(context.worktree(), context.startCommit(), commit);
  }

  /**
   * What the agent did to its repository that the engine cannot build on: the checks of {@link
   * TaskRepositories#check}, which also put the engine's config back before the commit.
   */
  private Optional<String> checkRepository(AttemptContext context) {
    return trees.check(context.worktree(), context.branch(), context.startCommit());
  }

  /** Runs after {@link #checkRepository}, which leaves the index as the engine made it. */
  private Optional<String> checkLeftovers(AttemptContext context) {
    return leftovers.problem(context.worktree());
  }

  private static String describeAgentFailure(AttemptContext context, CommandResult result) {
    String what = "agent '" + context.agent().name() + "'";
    return result.describeFailure(what);
  }

  /** Ends a failed attempt, keeping what the agent left; the step's failure stays the reason. */
  private AttemptResult finish(
      AttemptContext context, StepTimer timer, CommandResult result, String reason) {
    Kept kept = keepWork(context, reason, timer);
    return finish(context, timer, result, kept.reason(), kept.commit())
        .withSetupChanged(kept.setupChanged());
  }

  private record Kept(String commit, String reason, List<String> setupChanged) {
    Kept(String commit, String reason) {
      this(commit, reason, List.of());
    }
  }

  /** Commits what a failed step left behind; a failure to commit is added to the reason. */
  private Kept keepWork(AttemptContext context, String reason, StepTimer timer) {
    timer.start(AttemptStep.COMMIT);
    Optional<String> misdeed = checkRepository(context);
    if (misdeed.isPresent()) {
      return new Kept(null, reason + "; " + misdeed.get());
    }
    try {
      Optional<String> refused = checkLeftovers(context);
      if (refused.isPresent()) {
        return new Kept(null, reason + "; " + refused.get());
      }
      Committed committed = commitLeftovers(context);
      Optional<String> leaked = carriedCommitted(context, committed.commit());
      if (leaked.isPresent()) {
        return new Kept(null, reason + "; " + leaked.get());
      }
      return new Kept(committed.commit(), reason, committed.setupChanged());
    } catch (GitException e) {
      // e.g. a killed agent left git's index.lock behind
      return new Kept(null, reason + "; its work could not be committed: " + e.getMessage());
    }
  }

  private static AttemptResult finish(
      AttemptContext context, StepTimer timer, CommandResult result, String reason, String commit) {
    TaskStatus status =
        result.cancelled()
            ? TaskStatus.CANCELLED
            : result.timedOut() ? TaskStatus.TIMED_OUT : TaskStatus.FAILED;
    Integer exit = result.failureToStart() != null || result.cancelled() ? null : result.exitCode();
    return ended(context, timer, status, exit, context.startCommit(), commit, reason);
  }

  /** The attempt's end: its last step stops, and the result records when each step ran. */
  private static AttemptResult ended(
      AttemptContext context,
      StepTimer timer,
      TaskStatus status,
      Integer exitCode,
      String startCommit,
      String commit,
      String reason) {
    long durationMs = timer.stop();
    return new AttemptResult(
        context.attempt(),
        status,
        exitCode,
        durationMs,
        startCommit,
        commit,
        reason,
        timer.startedAt(),
        timer.steps(),
        null);
  }

  /**
   * The {@code AGENT_*} variables of the agent contract and the attempt's port variables, for every
   * step of the attempt.
   */
  public static Map<String, String> environment(
      AttemptContext context, String prompt, java.nio.file.Path promptFile) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AGENT_TASK_ID", context.task().id());
    env.put("AGENT_TASK_TITLE", context.task().title());
    env.put("AGENT_PROMPT", fitForEnvironment(prompt, promptFile));
    env.put("AGENT_PROMPT_FILE", promptFile.toString());
    env.put("AGENT_WORKTREE", context.worktree().toString());
    env.put("AGENT_BRANCH", context.branch());
    env.put("AGENT_BASE_COMMIT", context.startCommit());
    env.put("AGENT_RUN_ID", context.runId());
    env.put("AGENT_RUN_DIR", context.runDirectory().root().toString());
    env.put("AGENT_ATTEMPT", Integer.toString(context.attempt()));
    // The plan refuses port names that clash with the variables above.
    context.ports().forEach((name, port) -> env.put(name, Integer.toString(port)));
    return env;
  }

  /**
   * Linux refuses to start a program with any single variable over 128 KiB ({@code E2BIG}); a
   * prompt that large (huge interfaces, say) is passed by its file alone, with a pointer in the
   * variable. The limit counts characters: 32,768 of them are at most 98,304 bytes in UTF-8, well
   * below the kernel's 131,072 with the variable's name. Every {@code AGENT_PROMPT} (a task's, the
   * conflict resolver's) and {@code {prompt}} goes through here.
   */
  public static String fitForEnvironment(String prompt, java.nio.file.Path promptFile) {
    if (prompt.length() <= MAX_PROMPT_IN_ENVIRONMENT) {
      return prompt;
    }
    return "The prompt for this task is too long for an environment variable. Read it from "
        + promptFile
        + " and follow it.";
  }

  private static Map<String, String> placeholders(
      AttemptContext context, String prompt, java.nio.file.Path promptFile) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("prompt_file", promptFile.toString());
    values.put("prompt", fitForEnvironment(prompt, promptFile));
    values.put("task", context.task().id());
    values.put("worktree", context.worktree().toString());
    return values;
  }
}
