package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.agent.AttemptContext;
import io.jenkins.plugins.parallelagents.agent.AttemptResult;
import io.jenkins.plugins.parallelagents.agent.AttemptRunner;
import io.jenkins.plugins.parallelagents.agent.PromptBuilder;
import io.jenkins.plugins.parallelagents.carry.Carrier;
import io.jenkins.plugins.parallelagents.database.DatabaseException;
import io.jenkins.plugins.parallelagents.database.VariablesRunner;
import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.FileChange;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitException;
import io.jenkins.plugins.parallelagents.git.HistoryReader;
import io.jenkins.plugins.parallelagents.git.TaskRepositories;
import io.jenkins.plugins.parallelagents.guard.DiffGuard;
import io.jenkins.plugins.parallelagents.guard.LargeFiles;
import io.jenkins.plugins.parallelagents.plan.AgentProfile;
import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.ports.NoFreePortException;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import io.jenkins.plugins.parallelagents.report.AttemptReport;
import io.jenkins.plugins.parallelagents.report.AttemptStep;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.run.DeclaredPaths;
import io.jenkins.plugins.parallelagents.secrets.Redactor;
import io.jenkins.plugins.parallelagents.usage.AgentLogReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One task on one node, as a host that runs each task separately drives it: {@link #prepare}, then
 * either {@link #runPlanAgent} or the host's own agent between {@link #setup} and {@link
 * #blockSucceeded}/{@link #blockFailed}. Each way ends with the task's branch committed and handed
 * off; the returned report is the task's entry in the run's report.
 *
 * <p>Runs one attempt per task: best-of-N needs several worktrees at once, which the CLI offers.
 */
public final class NodeTask {

  /** Names the pipeline block in commit trailers, where the CLI names the agent profile. */
  public static final String BLOCK_AGENT = "pipeline-block";

  private final NodeRun run;
  private final Git git;
  private final CommandRunner runner;
  private final Map<String, String> environment;
  private final TaskRepositories trees;
  private final Redactor redactor;
  private final Path top;

  /**
   * @param environment the host's environment on this node, passed to git and every step
   * @throws EnvironmentException when git or the checkout cannot run a task
   */
  public NodeTask(NodeRun run, CommandRunner runner, Map<String, String> environment)
      throws EnvironmentException {
    this.run = run;
    this.environment = environment;
    NodeCheckout checkout = NodeCheckout.open(run, runner, environment);
    this.top = checkout.top();
    this.git = checkout.git();
    this.trees = checkout.trees();
    this.redactor = checkout.redactor();
    this.runner = new MaskingRunner(runner, redactor);
  }

  /** The run's databases from this node; made anew by each call, which may be its own process. */
  private NodeDatabases databases() throws DatabaseException {
    return NodeDatabases.open(run, runner, environment, top);
  }

  /** Runs the task's steps, with its database's variables (the password too) where it has one. */
  private AttemptRunner attempts(Task task) throws DatabaseException {
    return attempts(databases().variables(task));
  }

  private AttemptRunner attempts(Map<String, String> variables) {
    return new AttemptRunner(
        new VariablesRunner(runner, variables),
        git,
        trees,
        LargeFiles.check(git, run.plan().guard()),
        run.cache());
  }

  /**
   * Takes the results handed off so far, creates the task's worktree and branch from the base and
   * foundation with its needs merged in, and writes its prompt. A need that is missing or does not
   * merge makes a task that is not {@linkplain PreparedTask#ready() ready}.
   */
  public PreparedTask prepare(String taskId) {
    Task task = task(taskId);
    long started = System.currentTimeMillis();
    Map<String, TaskReport> received = run.handoff().receive(git, top);
    String branch = run.branches().task(taskId);
    Path worktree = run.worktree(taskId);
    String start;
    Map<String, Integer> ports;
    Map<String, String> database;
    try {
      start = HandedOff.startPoint(run, task, received);
      ports = NodePorts.choose(run.plan(), taskId);
      NodeDatabases databases = databases();
      databases.prepare(task);
      database = databases.kept(task);
    } catch (HandoffException | NoFreePortException | DatabaseException e) {
      return unready(task, branch, worktree, started, e.getMessage());
    }
    EarlierTry.keep(git, top, run.runId(), taskId, branch, start); // a retry starts afresh
    trees.create(worktree, branch, start);
    String failure = HandedOff.mergeNeeds(git, task, received, worktree);
    // The node's own checkout is the source: its ignored files are the ones carried.
    new Carrier(git, top, run.plan().environment().carry()).into(worktree);
    String startCommit = git.head(worktree);
    String prompt =
        PromptBuilder.build(
            task,
            run.plan().interfaces(),
            branch,
            startCommit,
            HandedOff.dependencies(task, received),
            List.of(ports));
    Path promptFile = run.directory().promptFile(taskId);
    TaskFiles.write(promptFile, redactor.redact(prompt));
    AttemptContext context = context(task, worktree, startCommit, blockAgent(), ports);
    // The block gets its database without the password, which the host must not keep: libpq's
    // tools take it from PGPASSWORD of the node's own environment.
    Map<String, String> agentEnvironment = new LinkedHashMap<>(database);
    agentEnvironment.putAll(AttemptRunner.environment(context, prompt, promptFile));
    return new PreparedTask(
        taskId,
        worktree.toString(),
        branch,
        startCommit,
        promptFile.toString(),
        agentEnvironment,
        started,
        failure);
  }

  /**
   * Runs the plan's agent for the task (setup, agent, commit, verify) and hands off the result.
   *
   * @param sink receives each output line of each step
   */
  public TaskReport runPlanAgent(PreparedTask prepared, AttemptRunner.OutputSink sink) {
    if (!prepared.ready()) {
      return notStarted(prepared);
    }
    Task task = task(prepared.taskId());
    AgentProfile agent = task.agent() == null ? null : run.plan().agents().get(task.agent());
    if (agent == null) {
      return finish(
          prepared,
          failedBeforeAgent(
              prepared, "task '" + task.id() + "' names no agent profile and no block was given"));
    }
    AttemptContext context =
        context(
            task,
            Path.of(prepared.worktree()),
            prepared.startCommit(),
            agent,
            NodePorts.of(run.plan(), prepared));
    String prompt = TaskFiles.read(Path.of(prepared.promptFile()));
    AttemptRunner attempts;
    try {
      attempts = attempts(task);
    } catch (DatabaseException e) {
      return finish(prepared, failedBeforeAgent(prepared, e.getMessage()));
    }
    return finish(prepared, attempts.run(context, prompt, Path.of(prepared.promptFile()), sink));
  }

  /**
   * Runs the task's setup step before the host's own agent. Returns the handed-off report when the
   * task ends here (setup failed, or the task was not ready), or nothing when the agent may run.
   */
  public Optional<TaskReport> setup(PreparedTask prepared, AttemptRunner.OutputSink sink) {
    if (!prepared.ready()) {
      return Optional.of(notStarted(prepared));
    }
    AttemptRunner attempts;
    try {
      attempts = attempts(task(prepared.taskId()));
    } catch (DatabaseException e) {
      return Optional.of(finish(prepared, failedBeforeAgent(prepared, e.getMessage())));
    }
    AttemptResult failed =
        attempts.setup(
            blockContext(prepared),
            TaskFiles.read(Path.of(prepared.promptFile())),
            Path.of(prepared.promptFile()),
            prepared.startedAtMs(),
            sink);
    return failed == null ? Optional.empty() : Optional.of(finish(prepared, failed));
  }

  /** The host's agent succeeded: commits its work, runs verify, hands off the result. */
  public TaskReport blockSucceeded(PreparedTask prepared, AttemptRunner.OutputSink sink) {
    AttemptRunner attempts;
    try {
      attempts = attempts(task(prepared.taskId()));
    } catch (DatabaseException e) {
      return blockFailed(prepared, TaskStatus.FAILED, e.getMessage());
    }
    AttemptResult result =
        attempts.afterAgent(
            blockContext(prepared),
            TaskFiles.read(Path.of(prepared.promptFile())),
            Path.of(prepared.promptFile()),
            prepared.startedAtMs(),
            sink);
    return finish(prepared, result);
  }

  /**
   * The host's agent failed (or was stopped): what it left is committed and handed off, so that the
   * branch keeps the work.
   *
   * @param status {@code FAILED}, {@code TIMED_OUT} or {@code CANCELLED}
   */
  public TaskReport blockFailed(PreparedTask prepared, TaskStatus status, String reason) {
    return finish(
        prepared,
        attempts(Map.of())
            .agentFailed(blockContext(prepared), status, reason, prepared.startedAtMs()));
  }

  private AttemptContext blockContext(PreparedTask prepared) {
    return context(
        task(prepared.taskId()),
        Path.of(prepared.worktree()),
        prepared.startCommit(),
        blockAgent(),
        NodePorts.of(run.plan(), prepared));
  }

  /** The host's block in place of a profile: its name goes into commit trailers, nothing runs. */
  private static AgentProfile blockAgent() {
    return new AgentProfile(BLOCK_AGENT, CommandSpec.shell("true"));
  }

  private AttemptContext context(
      Task task,
      Path worktree,
      String startCommit,
      AgentProfile agent,
      Map<String, Integer> ports) {
    return new AttemptContext(
        task,
        agent,
        1,
        worktree,
        run.branches().task(task.id()),
        startCommit,
        run.runId(),
        run.directory(),
        ports);
  }

  /** A task that cannot start: no worktree, no start commit, only the reason. */
  private static PreparedTask unready(
      Task task, String branch, Path worktree, long started, String failure) {
    return new PreparedTask(
        task.id(), worktree.toString(), branch, null, null, Map.of(), started, failure);
  }

  private AttemptResult failedBeforeAgent(PreparedTask prepared, String reason) {
    return new AttemptResult(
        1,
        TaskStatus.FAILED,
        null,
        System.currentTimeMillis() - prepared.startedAtMs(),
        prepared.startCommit(),
        prepared.startCommit(),
        reason);
  }

  /** A task that never reached its agent: failed, with no branch worth handing on. */
  private TaskReport notStarted(PreparedTask prepared) {
    Task task = task(prepared.taskId());
    Instant started = Instant.ofEpochMilli(prepared.startedAtMs());
    TaskReport report =
        TaskReport.pending(task.id(), task.title(), task.foundation(), task.needs())
            .running(null, started)
            .failed(prepared.failure(), Instant.now());
    run.handoff().export(git, top, report, run.start().baseCommit());
    removeWorktree(prepared);
    return report;
  }

  /**
   * The task's report from its one attempt, with its diff; then hands it off. The attempt's checked
   * commit is taken into the checkout first: the hand-off bundles it from there.
   */
  private TaskReport finish(PreparedTask prepared, AttemptResult result) {
    Task task = task(prepared.taskId());
    Optional<String> misdeed =
        result.commit() == null
            ? Optional.empty()
            : trees.collect(
                Path.of(prepared.worktree()),
                result.commit(),
                prepared.branch(),
                prepared.startCommit());
    if (misdeed.isPresent()) {
      result = result.failed(misdeed.get(), null);
    }
    if (result.commit() == null) {
      git.setBranch(top, prepared.branch(), prepared.startCommit());
    }
    result = DiffGuard.review(result, git, top, run.plan().guard(), redactor);
    String database = null;
    try {
      NodeDatabases databases = databases();
      database = databases.shown(task);
      if (result.status().isDone()) {
        databases.succeeded(task);
      }
    } catch (DatabaseException e) {
      result = result.failed(e.getMessage(), result.commit());
    }
    List<FileChange> changes = List.of();
    List<String> commits = List.of();
    if (result.commit() != null && result.startCommit() != null) {
      commits = git.commitsSince(top, result.startCommit(), result.commit());
      try (HistoryReader history = HistoryReader.open(git.commonDir(top))) {
        changes = history.diffStat(result.startCommit(), result.commit());
      }
      writeDiff(task.id(), result.startCommit(), result.commit());
    }
    Instant started = Instant.ofEpochMilli(prepared.startedAtMs());
    Instant finished = Instant.now();
    AttemptReport attempt =
        result
            .toReport(
                prepared.branch(),
                commits,
                changes.stream().mapToInt(c -> c.insertions() + c.deletions()).sum(),
                step -> run.directory().stepLog(task.id(), 1, 1, step))
            .withPorts(NodePorts.of(run.plan(), prepared))
            .withUsage(
                new AgentLogReader()
                    .read(run.directory().stepLog(task.id(), 1, 1, AttemptStep.AGENT.key()))
                    .orElse(null));
    TaskReport report =
        new TaskReport(
            task.id(),
            task.title(),
            task.foundation(),
            task.needs(),
            result.status(),
            prepared.branch(),
            result.commit(),
            List.of(attempt),
            result.status().isDone() ? 1 : null,
            changes.stream().map(FileChange::path).toList(),
            changes.stream().mapToInt(FileChange::insertions).sum(),
            changes.stream().mapToInt(FileChange::deletions).sum(),
            DeclaredPaths.outside(task.paths(), changes),
            started,
            finished,
            finished.toEpochMilli() - started.toEpochMilli(),
            result.reason());
    report = report.withDatabase(database);
    run.handoff().export(git, top, report, run.start().baseCommit());
    removeWorktree(prepared);
    return report;
  }

  /** The branch holds the work and the bundle carries it on; the task's tree is not needed. */
  private static void removeWorktree(PreparedTask prepared) {
    TaskRepositories.delete(Path.of(prepared.worktree()));
  }

  private void writeDiff(String taskId, String from, String to) {
    try {
      Path file = run.directory().diffFile(taskId);
      TaskFiles.write(file, redactor.redact(git.diff(top, from, to)));
    } catch (UncheckedIOException | GitException e) {
      // the diff file is a convenience; the branch holds the work
    }
  }

  private Task task(String id) {
    return run.plan()
        .task(id)
        .orElseThrow(() -> new IllegalArgumentException("the plan has no task '" + id + "'"));
  }
}
