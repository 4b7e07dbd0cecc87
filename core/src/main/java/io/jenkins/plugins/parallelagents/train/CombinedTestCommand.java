package io.jenkins.plugins.parallelagents.train;

import io.jenkins.plugins.parallelagents.agent.AgentCommands;
import io.jenkins.plugins.parallelagents.cache.TreeCache;
import io.jenkins.plugins.parallelagents.carry.Carrier;
import io.jenkins.plugins.parallelagents.excerpt.FailureExcerpts;
import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.plan.PortSettings;
import io.jenkins.plugins.parallelagents.plan.TestSettings;
import io.jenkins.plugins.parallelagents.ports.NoFreePortException;
import io.jenkins.plugins.parallelagents.ports.PortAllocator;
import io.jenkins.plugins.parallelagents.ports.PortLease;
import io.jenkins.plugins.parallelagents.process.CommandRequest;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import io.jenkins.plugins.parallelagents.report.FailureExcerpt;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The plan's test on one combined tree: {@code test.setup}, then {@code test.command}, each with
 * its own log. A failed setup fails the test without running the command.
 */
public final class CombinedTestCommand {

  private final CommandRunner runner;
  private final TestSettings settings;
  private final Map<String, String> environment;
  private final Consumer<String> lines;
  private TreeCache cache = TreeCache.NONE;
  private PortAllocator ports = new PortAllocator(PortSettings.NONE);
  private Callable<Map<String, String>> fresh = Map::of;
  private Carrier carrier = Carrier.NONE;

  /**
   * @param lines receives the output of both commands, line by line
   */
  public CombinedTestCommand(
      CommandRunner runner,
      TestSettings settings,
      Map<String, String> environment,
      Consumer<String> lines) {
    this.runner = runner;
    this.settings = settings;
    this.environment = environment;
    this.lines = lines;
  }

  /** The same test, with {@code cache} restored before {@code test.setup}. */
  public CombinedTestCommand withCache(TreeCache cache) {
    CombinedTestCommand cached = new CombinedTestCommand(runner, settings, environment, lines);
    cached.cache = cache;
    cached.ports = ports;
    cached.fresh = fresh;
    cached.carrier = carrier;
    return cached;
  }

  /** The same test, with the ignored files {@code carrier} names copied in before anything runs. */
  public CombinedTestCommand withCarrier(Carrier carrier) {
    CombinedTestCommand carrying = withCache(cache);
    carrying.carrier = carrier;
    return carrying;
  }

  /**
   * The same test, each run with ports of its own from {@code ports} (preferring the bases), held
   * while its setup and command run.
   */
  public CombinedTestCommand withPorts(PortAllocator ports) {
    CombinedTestCommand leasing = withCache(cache);
    leasing.ports = ports;
    return leasing;
  }

  /**
   * The same test, with variables made anew for each run of setup and test: a fresh database, say,
   * so that one run's leftovers cannot decide the next one's outcome.
   */
  public CombinedTestCommand withFreshVariables(Callable<Map<String, String>> fresh) {
    CombinedTestCommand with = withCache(cache);
    with.fresh = fresh;
    return with;
  }

  /**
   * How one run ended.
   *
   * @param exitCode the deciding command's exit code, or {@code null} when it did not start
   * @param failure what the failed command printed, or {@code null} when it passed
   * @param ports the ports this run's commands got, by variable
   */
  public record Result(
      TestStatus status,
      Integer exitCode,
      long durationMs,
      String reason,
      FailureExcerpt failure,
      boolean cancelled,
      Map<String, Integer> ports) {

    public Result {
      ports =
          ports == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ports));
    }

    /** A run that got no ports. */
    public Result(
        TestStatus status,
        Integer exitCode,
        long durationMs,
        String reason,
        FailureExcerpt failure,
        boolean cancelled) {
      this(status, exitCode, durationMs, reason, failure, cancelled, null);
    }

    /** This result with the ports its commands got. */
    Result withPorts(Map<String, Integer> ports) {
      return new Result(status, exitCode, durationMs, reason, failure, cancelled, ports);
    }

    public boolean passed() {
      return status == TestStatus.PASSED;
    }
  }

  /**
   * Runs setup and test in {@code tree}.
   *
   * @param log the test command's log; the setup logs next to it, with {@code -setup} added
   */
  public Result run(Path tree, Path log) {
    PortLease lease;
    try {
      lease = ports.lease(PortAllocator.TEST_SLOT);
    } catch (NoFreePortException e) {
      return new Result(TestStatus.FAILED, null, 0, e.getMessage(), null, false);
    }
    try (lease) {
      return run(tree, log, lease.environment()).withPorts(lease.ports());
    }
  }

  private Result run(Path tree, Path log, Map<String, String> portVariables) {
    Instant started = Instant.now();
    long total = 0;
    Map<String, String> env = new HashMap<>(environment);
    env.putAll(portVariables);
    try {
      env.putAll(fresh.call());
    } catch (Exception e) {
      return new Result(
          TestStatus.FAILED, null, 0, "the test's environment: " + e.getMessage(), null, false);
    }
    // The tree is a fresh checkout of the commit under test; nothing is committed from it.
    carrier.into(tree);
    if (settings.setup() != null) {
      String name = log.getFileName().toString().replaceFirst("\\.log$", "");
      Path setupLog = log.resolveSibling(name + "-setup.log");
      // Restored, never saved from here: the combined tree holds what agents committed.
      cache.restore(tree);
      CommandResult setup = run(settings.setup(), tree, setupLog, env);
      total += setup.durationMs();
      if (!setup.ok()) {
        return failed(setup, total, "the test setup", setupLog, tree, started);
      }
    }
    CommandResult test = run(settings.command(), tree, log, env);
    total += test.durationMs();
    if (test.ok()) {
      return new Result(TestStatus.PASSED, 0, total, null, null, false);
    }
    return failed(test, total, "the test command", log, tree, started);
  }

  public String command() {
    return settings.command().display();
  }

  public String setup() {
    return settings.setup() == null ? null : settings.setup().display();
  }

  private CommandResult run(
      CommandSpec command, Path tree, Path log, Map<String, String> environment) {
    return runner.run(
        CommandRequest.logged(
            tree,
            AgentCommands.argv(command, Map.of("worktree", tree.toString())),
            environment,
            settings.timeout(),
            log,
            lines));
  }

  /** The JUnit XML reports the command wrote into {@code tree} name the failing tests too. */
  private static Result failed(
      CommandResult result, long total, String what, Path log, Path tree, Instant started) {
    TestStatus status = result.timedOut() ? TestStatus.TIMED_OUT : TestStatus.FAILED;
    Integer exit = result.failureToStart() != null ? null : result.exitCode();
    return new Result(
        status,
        exit,
        total,
        result.describeFailure(what),
        FailureExcerpts.of(log, tree, started),
        result.cancelled());
  }
}
