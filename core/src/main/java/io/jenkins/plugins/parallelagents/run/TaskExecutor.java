package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.agent.AttemptContext;
import io.jenkins.plugins.parallelagents.agent.AttemptResult;
import io.jenkins.plugins.parallelagents.agent.AttemptRunner;
import io.jenkins.plugins.parallelagents.agent.DependencyOutcome;
import io.jenkins.plugins.parallelagents.agent.PromptBuilder;
import io.jenkins.plugins.parallelagents.carry.CarriedFiles;
import io.jenkins.plugins.parallelagents.carry.CarryOutcome;
import io.jenkins.plugins.parallelagents.database.DatabaseException;
import io.jenkins.plugins.parallelagents.database.VariablesRunner;
import io.jenkins.plugins.parallelagents.git.FileChange;
import io.jenkins.plugins.parallelagents.git.GitException;
import io.jenkins.plugins.parallelagents.guard.DiffGuard;
import io.jenkins.plugins.parallelagents.guard.LargeFiles;
import io.jenkins.plugins.parallelagents.merge.NeedMerge;
import io.jenkins.plugins.parallelagents.plan.AgentProfile;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.ports.NoFreePortException;
import io.jenkins.plugins.parallelagents.ports.PortLease;
import io.jenkins.plugins.parallelagents.report.AttemptReport;
import io.jenkins.plugins.parallelagents.report.AttemptStep;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.secrets.PrivateFiles;
import io.jenkins.plugins.parallelagents.usage.AgentLogReader;
import io.jenkins.plugins.parallelagents.usage.AgentUsage;
import io.jenkins.plugins.parallelagents.usage.Spend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs one task: a repository of its own and a branch per attempt, from the start point with the
 * needs merged in, the agent contract, the checked result taken into the user's repository, then
 * the choice among attempts and the task's diff.
 */
final class TaskExecutor {

  private static final AgentLogReader USAGE = new AgentLogReader();

  private final RunContext run;

  TaskExecutor(RunContext run) {
    this.run = run;
  }

  /**
   * Runs the task to its end. Never throws: whatever goes wrong becomes the task's failure, so that
   * one broken task cannot take the run down.
   *
   * @param startPoint the commit the task starts from: base plus foundation
   */
  TaskReport execute(Task task, String startPoint) {
    Instant started = Instant.now();
    running(task, started);
    try {
      run.databases().prepare(task.id(), task.foundation());
    } catch (DatabaseException e) {
      return run.state().task(task.id()).failed(e.getMessage(), Instant.now());
    }
    List<PortLease> ports = List.of();
    try {
      ports = run.ports().leaseAttempts(run.plan(), task);
      Prompt prompt = writePrompt(task, startPoint, ports);
      List<PortLease> leases = ports;
      List<AttemptResult> results =
          task.attempts() == 1
              ? List.of(safeAttempt(task, 1, startPoint, prompt, leases.get(0)))
              : parallelAttempts(task, startPoint, prompt, leases);
      return finish(task, started, results, ports).withDatabase(run.databases().shown(task.id()));
    } catch (RuntimeException e) {
      return run.state().task(task.id()).failed(describe(e), Instant.now());
    } finally {
      ports.forEach(PortLease::close);
    }
  }

  /** The prompt is the same for every attempt: written once, before any agent reads it. */
  private record Prompt(String text, Path file) {}

  private List<AttemptResult> parallelAttempts(
      Task task, String startPoint, Prompt prompt, List<PortLease> ports) {
    // Each attempt is an agent, and the run allows at most `jobs` agents at once.
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(task.attempts(), run.jobs()));
    try {
      List<CompletableFuture<AttemptResult>> futures = new ArrayList<>();
      for (int n = 1; n <= task.attempts(); n++) {
        int attempt = n;
        futures.add(
            CompletableFuture.supplyAsync(
                () -> safeAttempt(task, attempt, startPoint, prompt, ports.get(attempt - 1)),
                pool));
      }
      return futures.stream().map(CompletableFuture::join).toList();
    } finally {
      pool.shutdown();
    }
  }

  /**
   * The attempt's ports are given back when it ends, for steps that start later. An attempt that
   * waited for a slot does not start once the plan's budget is spent; what an attempt's agent spent
   * counts against the budget as soon as it ends, before the task's other attempts do.
   */
  private AttemptResult safeAttempt(
      Task task, int n, String startPoint, Prompt prompt, PortLease ports) {
    try (ports) {
      if (n > 1) {
        String budgetSpent = run.state().budgetSpent().orElse(null);
        if (budgetSpent != null) {
          return new AttemptResult(
              n, TaskStatus.SKIPPED, null, 0, null, null, "not started: " + budgetSpent);
        }
      }
      AttemptResult result = attempt(task, n, startPoint, prompt, ports);
      run.state().attemptSpent(task.id(), Spend.of(usage(task, n)));
      return result;
    } catch (RuntimeException e) {
      return new AttemptResult(n, TaskStatus.FAILED, null, 0, null, null, describe(e));
    }
  }

  /** What the attempt's agent printed about its usage, from its log; {@code null} if nothing. */
  private AgentUsage usage(Task task, int n) {
    return USAGE
        .read(run.directory().stepLog(task.id(), n, task.attempts(), AttemptStep.AGENT.key()))
        .orElse(null);
  }

  /** Git's own words for a git failure; the class name too for anything unexpected. */
  private static String describe(RuntimeException e) {
    return e instanceof GitException
            || e instanceof UncheckedIOException
            || e instanceof NoFreePortException
        ? e.getMessage()
        : "internal error: " + e;
  }

  private AttemptResult attempt(
      Task task, int n, String startPoint, Prompt prompt, PortLease ports) {
    long t0 = System.nanoTime();
    String branch = run.branches().forAttempt(task.id(), n, task.attempts());
    Path tree = tree(task, n);
    // Every need's commit descends from the start point, so merging the first one in would only
    // fast-forward to it: the tree starts there instead, sparing a merge and a second checkout on
    // each step of a chain.
    List<String> needs = branchNeeds(task);
    String checkout = needs.isEmpty() ? startPoint : run.state().task(needs.get(0)).commit();
    run.trees().create(tree, branch, checkout);
    String needsFailure =
        mergeNeeds(task, needs.subList(Math.min(1, needs.size()), needs.size()), tree);
    run.state().taskStep("worktrees", ms(t0));
    // With nothing merged in, the new tree is at its checkout: no need to ask git.
    String start = needs.size() > 1 ? run.git().head(tree) : checkout;
    if (needsFailure != null) {
      return collected(
          tree,
          branch,
          new AttemptResult(n, TaskStatus.FAILED, null, ms(t0), null, null, needsFailure),
          start);
    }
    AgentProfile agent = run.plan().agents().get(task.agent());
    if (agent == null) {
      return collected(
          tree,
          branch,
          new AttemptResult(
              n,
              TaskStatus.FAILED,
              null,
              ms(t0),
              start,
              start,
              "task '" + task.id() + "' names no agent profile to run"),
          start);
    }
    carry(task, tree);
    AttemptContext context =
        new AttemptContext(
            task, agent, n, tree, branch, start, run.runId(), run.directory(), ports.ports());
    AttemptEvents events = new AttemptEvents(run.listener(), task.id(), n);
    AttemptResult result =
        new AttemptRunner(
                new VariablesRunner(run.runner(), run.databases().variables(task.id())),
                run.git(),
                run.trees(),
                LargeFiles.check(run.git(), run.plan().guard()),
                run.cache())
            .run(context, prompt.text(), prompt.file(), events);
    long collecting = System.currentTimeMillis();
    events.stepStarted(AttemptStep.COLLECT);
    result = collected(tree, branch, userRepositoryUnchanged(result), start);
    result =
        DiffGuard.review(result, run.git(), run.repository(), run.plan().guard(), run.redactor());
    result = result.withStep(AttemptStep.COLLECT, collecting, System.currentTimeMillis());
    result.steps().forEach((step, time) -> run.state().taskStep(step, time.durationMs()));
    return result;
  }

  private Path tree(Task task, int n) {
    return run.worktrees().resolve(task.attempts() == 1 ? task.id() : task.id() + ".attempt-" + n);
  }

  /** The ignored files the project needs, before setup; what was not carried is said, not fatal. */
  private void carry(Task task, Path tree) {
    CarryOutcome outcome = run.carrier().into(tree);
    outcome
        .refused()
        .forEach(line -> run.listener().output(task.id(), "carry", "not carried: " + line));
  }

  /**
   * A ref or the config of the user's repository that changed while the task ran was not changed by
   * the engine (which changes none before publishing): the attempt fails and says which.
   */
  private AttemptResult userRepositoryUnchanged(AttemptResult result) {
    return run.userRepository()
        .changed(run.git(), run.repository())
        .map(changed -> result.failed(changed, result.commit()))
        .orElse(result);
  }

  /**
   * Takes the attempt's checked commit from its repository into the user's, on the attempt's
   * branch; an attempt that kept no commit gets its branch at the commit it started from, so that
   * every attempt has a branch to look at.
   */
  private AttemptResult collected(Path tree, String branch, AttemptResult result, String start) {
    Optional<String> misdeed =
        result.commit() == null
            ? Optional.empty()
            : run.trees().collect(tree, result.commit(), branch, start);
    if (result.commit() == null || misdeed.isPresent()) {
      run.setUserBranch(branch, start);
    }
    return misdeed.map(why -> result.failed(why, null)).orElse(result);
  }

  /** The needs whose branches the task starts from; foundation work is in the start point. */
  private List<String> branchNeeds(Task task) {
    return task.needs().stream()
        .filter(
            need -> {
              TaskReport dependency = run.state().task(need);
              return !dependency.foundation() && dependency.commit() != null;
            })
        .toList();
  }

  /** Merges the branches of these needs into the task's tree; a conflict fails the task. */
  private String mergeNeeds(Task task, List<String> needs, Path tree) {
    for (String need : needs) {
      String failure =
          NeedMerge.into(run.git(), tree, task.id(), need, run.state().task(need).commit());
      if (failure != null) {
        return failure;
      }
    }
    return null;
  }

  private List<DependencyOutcome> dependencies(Task task) {
    List<DependencyOutcome> outcomes = new ArrayList<>();
    for (String need : task.needs()) {
      TaskReport dependency = run.state().task(need);
      outcomes.add(
          new DependencyOutcome(
              need, dependency.title(), dependency.commit(), dependency.changedFiles()));
    }
    return outcomes;
  }

  private Prompt writePrompt(Task task, String startPoint, List<PortLease> ports) {
    String text =
        PromptBuilder.build(
            task,
            run.plan().interfaces(),
            run.branches().task(task.id()),
            startPoint,
            dependencies(task),
            ports.stream().map(PortLease::ports).toList());
    Path file = run.directory().promptFile(task.id());
    try {
      Files.createDirectories(file.getParent());
      PrivateFiles.write(file, run.redactor().redact(text));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return new Prompt(text, file);
  }

  private void running(Task task, Instant started) {
    run.state().task(run.state().task(task.id()).running(run.branches().task(task.id()), started));
  }

  private TaskReport finish(
      Task task, Instant started, List<AttemptResult> results, List<PortLease> ports) {
    long t0 = System.nanoTime();
    TaskChoice choice = TaskChoice.of(results, run.history());
    List<AttemptReport> attemptReports = new ArrayList<>();
    for (AttemptResult r : results) {
      attemptReports.add(
          r.toReport(
                  run.branches().forAttempt(task.id(), r.attempt(), task.attempts()),
                  ownCommits(r),
                  choice.diffLines(r.attempt()),
                  step -> run.directory().stepLog(task.id(), r.attempt(), task.attempts(), step))
              .withPorts(ports.get(r.attempt() - 1).ports())
              .withCarried(CarriedFiles.recorded(tree(task, r.attempt())))
              .withUsage(usage(task, r.attempt())));
    }
    AttemptResult shown = choice.representative();
    List<FileChange> changes = List.of();
    if (shown != null) {
      if (task.attempts() > 1 && choice.chosen() != null) {
        run.setUserBranch(run.branches().task(task.id()), shown.commit());
      }
      changes = choice.changes(shown.attempt());
      writeDiff(task, shown.startCommit(), shown.commit());
    }
    run.state().taskStep("diffs", ms(t0));
    Instant finished = Instant.now();
    // With several attempts and none chosen, only the attempts' own branches exist.
    String branch =
        task.attempts() == 1 || choice.chosen() != null
            ? run.branches().task(task.id())
            : shown == null ? null : run.branches().attempt(task.id(), shown.attempt());
    return new TaskReport(
        task.id(),
        task.title(),
        task.foundation(),
        task.needs(),
        choice.status(),
        branch,
        shown == null ? null : shown.commit(),
        attemptReports,
        choice.chosen() == null ? null : choice.chosen().attempt(),
        changes.stream().map(FileChange::path).toList(),
        changes.stream().mapToInt(FileChange::insertions).sum(),
        changes.stream().mapToInt(FileChange::deletions).sum(),
        DeclaredPaths.outside(task.paths(), changes),
        started,
        finished,
        finished.toEpochMilli() - started.toEpochMilli(),
        choice.reason());
  }

  /** The attempt's own commits, read from the user's repository where they were collected. */
  private List<String> ownCommits(AttemptResult result) {
    if (result.commit() == null || result.startCommit() == null) {
      return List.of();
    }
    return run.git().commitsSince(run.repository(), result.startCommit(), result.commit());
  }

  private void writeDiff(Task task, String from, String to) {
    try {
      PrivateFiles.write(
          run.directory().diffFile(task.id()),
          run.redactor().redact(run.git().diff(run.repository(), from, to)));
    } catch (IOException | GitException e) {
      // the diff file is a convenience; the branch holds the work
    }
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
