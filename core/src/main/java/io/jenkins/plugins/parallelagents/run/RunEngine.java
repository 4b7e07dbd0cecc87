package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.cache.TreeCache;
import io.jenkins.plugins.parallelagents.carry.Carrier;
import io.jenkins.plugins.parallelagents.database.DatabaseException;
import io.jenkins.plugins.parallelagents.database.DatabaseSource;
import io.jenkins.plugins.parallelagents.database.RunDatabases;
import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitEnvironment;
import io.jenkins.plugins.parallelagents.git.HistoryReader;
import io.jenkins.plugins.parallelagents.git.RepositoryLock;
import io.jenkins.plugins.parallelagents.git.TaskRepositories;
import io.jenkins.plugins.parallelagents.lifecycle.InterruptedRuns;
import io.jenkins.plugins.parallelagents.lifecycle.Publications;
import io.jenkins.plugins.parallelagents.lifecycle.Retention;
import io.jenkins.plugins.parallelagents.lifecycle.RunEntry;
import io.jenkins.plugins.parallelagents.lifecycle.RunIds;
import io.jenkins.plugins.parallelagents.lifecycle.StateRoot;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.ports.PortAllocator;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.report.BaseRef;
import io.jenkins.plugins.parallelagents.report.ReportRedaction;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.report.RunInfo;
import io.jenkins.plugins.parallelagents.report.RunOwner;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.sandbox.SandboxCheck;
import io.jenkins.plugins.parallelagents.secrets.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Runs one plan end to end: foundation, fan-out, merge, test, publish, reports. One instance per
 * run; {@link #cancel()} may be called from another thread (Ctrl-C, an aborted build).
 */
public final class RunEngine {

  private final Plan plan;
  private final RunOptions options;
  private final RunListener listener;
  private final Redactor redactor;
  private final LocalCommandRunner runner;
  private final LocalCommandRunner gitRunner;
  private final Map<String, String> engineEnvironment;

  public RunEngine(Plan plan, RunOptions options, RunListener listener) {
    this.plan = plan;
    this.options = options;
    // Agents are not trusted to keep the environment's secrets to themselves: every line, file
    // and event of the run is masked on its way out.
    this.redactor =
        Redactor.of(
            RunDatabases.withPassword(
                options.environment(),
                DatabaseSource.resolvedOrAsWritten(
                    plan.environment().database(), options.environment())),
            plan.guard().redact());
    this.listener = new RedactingListener(listener, redactor);
    Map<String, String> environment = GitEnvironment.forEngine(options.environment());
    this.engineEnvironment = environment;
    this.runner = new LocalCommandRunner(environment, redactor::redact, redactor::redactCut);
    // Git's own calls are short and must still work after a cancel, to keep the agents' work.
    this.gitRunner = new LocalCommandRunner(environment);
  }

  /**
   * Runs the plan. Failed tasks, conflicts and red tests are outcomes in the returned report, not
   * exceptions.
   *
   * @throws EnvironmentException when the repository or git cannot run a plan at all
   */
  public RunReport execute() throws EnvironmentException {
    // Closing the runners stops whatever of the run is still running, and their watchdogs.
    try (runner;
        gitRunner) {
      return executeRun();
    }
  }

  private RunReport executeRun() throws EnvironmentException {
    Instant startedAt = Instant.now();
    long t0 = System.nanoTime();
    Git probe = new Git(gitRunner, Map.of());
    Path top = Preflight.repository(probe, options.repository());
    StateRoot root =
        options.stateRoot() != null
            ? new StateRoot(options.stateRoot())
            : StateRoot.defaultFor(top, options.environment());
    root.checkOwner(top);
    InterruptedRuns.markDead(root);
    RunEntry earlier = options.continuation() == null ? null : earlierRun(root);
    // A run that goes on keeps its base: its finished tasks started from there.
    Plan plan =
        earlier == null ? this.plan : this.plan.withBase(earlier.report().run().base().commit());
    Preflight.Checked checked = Preflight.check(probe, plan, top, options.environment());
    Publications publications = Publications.in(root);
    Git network = new Git(runner, checked.identity());
    checked =
        checked.withPublishTarget(
            PublishPreflight.check(probe, network, plan, checked, publications, redactor),
            publications);
    SandboxCheck.require(plan, runner, checked.top());
    String runId =
        earlier != null
            ? earlier.id()
            : options.runId() != null ? options.runId() : RunIds.next(startedAt);
    if (!RunIds.isValid(runId)) {
      throw new IllegalArgumentException(
          "a run id names branches and folders; '" + runId + "' cannot");
    }
    RunDatabases databases = databases(plan, runId, root, checked.top());
    root.claim(checked.top());
    RunDirectory directory = new RunDirectory(root.runDirectory(runId));
    createDirectories(directory.root(), root.worktrees(runId));
    RunInfo info =
        new RunInfo(
            runId,
            plan.name(),
            RunStatus.RUNNING,
            null,
            earlier != null
                ? earlier.report().run().base()
                : new BaseRef(checked.baseRef(), checked.baseCommit()),
            plan.target(),
            earlier != null ? earlier.startedAt() : startedAt,
            null,
            directory.root().toString(),
            RunOwner.current());
    RunState state = new RunState(plan, info, directory, listener, redactor::redact);
    Git git = new Git(gitRunner, GitEnvironment.hardened(engineEnvironment, checked.author()));
    Map<String, TaskReport> kept =
        earlier == null
            ? Map.of()
            : new KeptWork(
                    plan,
                    earlier.report(),
                    TaskDefinitions.read(directory.root()).orElse(null),
                    options.continuation(),
                    git,
                    checked.top(),
                    checked.baseCommit(),
                    redactor)
                .kept();
    PlanFile.write(plan, directory.planJson(), redactor);
    TaskDefinitions.of(plan, options.planFile()).write(directory.root());
    int jobs = options.jobs() != null ? options.jobs() : plan.maxParallel();
    try (HistoryReader history = HistoryReader.open(git.commonDir(checked.top()))) {
      RunContext run =
          new RunContext(
              plan,
              runId,
              checked.top(),
              directory,
              root.worktrees(runId),
              new Branches(runId),
              git,
              history,
              runner,
              listener,
              state,
              checked.identity(),
              jobs,
              new TaskRepositories(git, checked.top(), new RepositoryLock(root.repositoryLock())),
              checked.userRepository(),
              redactor,
              new TreeCache(plan.cache(), root.cache()),
              PortAllocator.forPlan(plan),
              databases,
              new Carrier(git, checked.top(), plan.environment().carry()));
      listener.runStarted(runId, directory.root());
      kept.values().forEach(state::task);
      state.phase("plan", ms(t0));
      state.save(); // the first report.json, before any work
      RunReport report = new RunPhases(run, checked, jobs, kept.keySet()).runAll();
      cleanOtherRuns(root, git, checked.top(), runId);
      return new ReportRedaction(redactor::redact).apply(report, RunReport.class);
    }
  }

  /**
   * Applies the plan's retention to the repository's other runs, as every run does at its end. A
   * run that could not be cleaned stays for the next time: this run's outcome does not depend on
   * it.
   */
  private void cleanOtherRuns(StateRoot root, Git git, Path top, String runId) {
    try {
      Retention.afterRun(root, git, top, plan.cleanup(), runId);
    } catch (RuntimeException e) {
      // kept as it was; 'parallel-agents clean' says why
    }
  }

  /** The run to go on from: it must exist here and no longer run. */
  private RunEntry earlierRun(StateRoot root) throws EnvironmentException {
    RunEntry entry = RunLookup.find(root, options.runId());
    String id = entry.id();
    if (entry.inProgress()) {
      RunOwner owner = entry.report().run().owner();
      throw new EnvironmentException(
          "run '"
              + id
              + "' is still running"
              + (owner == null ? "" : " (pid " + owner.pid() + " on " + owner.host() + ")"),
          "wait for it to end, or stop it (Ctrl-C) first");
    }
    if (entry.report().run().base() == null || entry.report().run().base().commit() == null) {
      throw new EnvironmentException(
          "run '" + id + "' recorded no base commit to go on from", "start a new run of the plan");
    }
    return entry;
  }

  /** The plan's database server must answer before any agent runs. */
  private RunDatabases databases(Plan plan, String runId, StateRoot root, Path top)
      throws EnvironmentException {
    if (plan.environment().database() == null) {
      return RunDatabases.none();
    }
    try {
      return RunDatabases.open(
          DatabaseSource.resolve(plan.environment().database(), options.environment()),
          runId,
          root.databaseLedger(runId),
          runner,
          top,
          root.runDirectory(runId).resolve("databases"));
    } catch (DatabaseException e) {
      throw new EnvironmentException(
          e.getMessage(),
          "start the database server, or correct environment.database in " + plan.source());
    }
  }

  /** Stops the run: kills every running command's process tree and marks its tasks CANCELLED. */
  public void cancel() {
    runner.cancelAll();
  }

  private static void createDirectories(Path... dirs) {
    try {
      for (Path dir : dirs) {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
