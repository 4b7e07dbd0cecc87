package io.jenkins.plugins.parallelagents.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Runs commands as local processes. Each runner belongs to one run: {@link #cancelAll()} kills what
 * that run started and nothing else, so many runs can share a JVM.
 *
 * <p>Nothing a runner starts outlives it. Every command, and everything it starts, carries the
 * runner's {@link RunMarker} in its environment; when a step ends, what it left running is stopped,
 * even what left its process group; when the JVM dies, a {@link Watchdog} process stops the rest.
 * {@link #close()} the runner when its run is over.
 *
 * <p>A logged command's output is read in bounded pieces ({@link OutputLimits}): a huge line or a
 * flood of output costs neither memory nor disk beyond the limits, and the command is never left
 * writing to a closed pipe. A captured command's output is returned exactly as printed, within
 * {@link CaptureLimits}, and a captured command has a timeout even when its request sets none.
 */
public final class LocalCommandRunner implements CommandRunner, AutoCloseable {

  private final Map<String, String> baseEnvironment;
  private final LineFilters filters;
  private final OutputLimits limits;
  private final CaptureLimits captureLimits;
  private final RunMarker marker = RunMarker.random();
  private final AtomicLong commands = new AtomicLong();
  private final Map<Process, Boolean> running = new ConcurrentHashMap<>();
  private final boolean sessions;
  private final Optional<Path> shell;
  private volatile boolean cancelled;
  private Watchdog watchdog;
  private StepCgroups cgroups;

  /**
   * @param baseEnvironment the environment every command starts from (usually the host's own)
   */
  public LocalCommandRunner(Map<String, String> baseEnvironment) {
    this(baseEnvironment, UnaryOperator.identity());
  }

  /**
   * @param baseEnvironment the environment every command starts from (usually the host's own)
   * @param lineFilter applied to each line of a logged command's output before it reaches the log
   *     file and the request's {@code lines}, e.g. to mask secrets; a line it throws on is withheld
   */
  public LocalCommandRunner(Map<String, String> baseEnvironment, UnaryOperator<String> lineFilter) {
    this(baseEnvironment, lineFilter, lineFilter);
  }

  /**
   * @param baseEnvironment the environment every command starts from (usually the host's own)
   * @param lineFilter applied to each line of a logged command's output before it reaches the log
   *     file and the request's {@code lines}, e.g. to mask secrets; a line it throws on is withheld
   * @param cutLineFilter applied instead to a line longer than the line limit: it gets the line's
   *     kept start and a few KiB past the cut, so that a secret across the cut is seen whole, and
   *     should also mask an end that may be the start of a secret (a secret longer than that); only
   *     the part up to the cut is shown
   */
  public LocalCommandRunner(
      Map<String, String> baseEnvironment,
      UnaryOperator<String> lineFilter,
      UnaryOperator<String> cutLineFilter) {
    this(baseEnvironment, lineFilter, cutLineFilter, OutputLimits.DEFAULT, CaptureLimits.DEFAULT);
  }

  LocalCommandRunner(
      Map<String, String> baseEnvironment, UnaryOperator<String> lineFilter, OutputLimits limits) {
    this(baseEnvironment, lineFilter, lineFilter, limits, CaptureLimits.DEFAULT);
  }

  LocalCommandRunner(
      Map<String, String> baseEnvironment,
      UnaryOperator<String> lineFilter,
      UnaryOperator<String> cutLineFilter,
      OutputLimits limits,
      CaptureLimits captureLimits) {
    this.baseEnvironment = Map.copyOf(baseEnvironment);
    this.filters = new LineFilters(lineFilter, cutLineFilter);
    this.limits = Objects.requireNonNull(limits);
    this.captureLimits = Objects.requireNonNull(captureLimits);
    this.sessions =
        Executables.find("setsid", baseEnvironment.get("PATH"), Path.of(".")).isPresent();
    this.shell = Executables.find("sh", baseEnvironment.get("PATH"), Path.of("."));
  }

  @Override
  public CommandResult run(CommandRequest request) {
    if (cancelled) {
      return CommandResult.cancelledBeforeStart();
    }
    long command = commands.incrementAndGet();
    Map<String, String> env = environmentFor(request, command);
    String program = request.argv().get(0);
    Optional<Path> executable = Executables.find(program, env.get("PATH"), request.directory());
    if (executable.isEmpty()) {
      return CommandResult.notStarted("command not found: " + program);
    }
    if (!Files.isExecutable(executable.get())) {
      return CommandResult.notStarted("permission denied: " + program + " is not executable");
    }
    // Steps (not git's own calls) get a session of their own, so that everything they start can
    // be stopped as one process group.
    boolean ownGroup = sessions && !request.capture();
    List<String> argv = new ArrayList<>();
    if (ownGroup) {
      argv.add("setsid");
    }
    // The program found on the run's PATH, not on the JVM's, which the launch would search.
    argv.add(executable.get().toString());
    argv.addAll(request.argv().subList(1, request.argv().size()));
    Optional<StepCgroups> cgroups = ownGroup ? stepCgroups() : Optional.empty();
    Optional<Path> cgroup = cgroups.flatMap(all -> all.forCommand(command));
    if (cgroup.isPresent()) {
      argv = cgroups.get().enter(cgroup.get(), argv);
    }
    ProcessBuilder builder = new ProcessBuilder(argv).directory(request.directory().toFile());
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.redirectErrorStream(!request.capture());
    startWatchdog();
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      cgroup.ifPresent(StepCgroups::kill);
      return CommandResult.notStarted(startFailure(request, e));
    }
    Step step = new Step(process, ownGroup, marker.command(command), cgroup);
    running.put(process, ownGroup);
    if (cancelled) {
      // cancelAll ran between the check above and put()
      step.stop();
    }
    try {
      closeQuietly(process);
      return await(request, step, start);
    } finally {
      running.remove(process);
    }
  }

  /** The step's whole environment: the base, the request's variables, the run's marker. */
  private Map<String, String> environmentFor(CommandRequest request, long command) {
    Map<String, String> env = new HashMap<>(baseEnvironment);
    env.putAll(request.environment());
    env.put(RunMarker.VARIABLE, marker.valueFor(command));
    return env;
  }

  /**
   * A logged step another launcher starts ({@link LaunchingCommandRunner}): the environment this
   * runner would give it, marked as this runner's, so that what of it runs on this machine is
   * stopped with the run, and even when the JVM dies (the watchdog starts here).
   */
  MarkedStep mark(CommandRequest request) {
    long command = commands.incrementAndGet();
    Map<String, String> env = environmentFor(request, command);
    startWatchdog();
    return new MarkedStep(command, Map.copyOf(env));
  }

  /** A step marked by {@link #mark}: its number in this runner and its whole environment. */
  record MarkedStep(long command, Map<String, String> environment) {}

  /** After a marked step ended: stops what it left running on this machine. */
  void stopLeftovers(MarkedStep step) {
    ProcessTrees.stop(List.of(), List.of(), marker.command(step.command()), Optional.empty());
  }

  /** Where a logged request's merged output goes: this runner's filters, limits and log file. */
  LineStream logStream(CommandRequest request) {
    return new LineStream(
        LogSink.open(request.log(), request.lines(), filters, limits.logBytes()), limits);
  }

  /** A started step and the nets that stop it with all it started. */
  private record Step(
      Process process, boolean ownGroup, RunMarker.Selection own, Optional<Path> cgroup) {
    void stop() {
      ProcessTrees.stop(List.of(process), groups(process, ownGroup), own, cgroup);
    }

    /** After the step's own process ended: what it left running. */
    void stopLeftovers() {
      ProcessTrees.stop(List.of(), groups(process, ownGroup), own, cgroup);
    }
  }

  private CommandResult await(CommandRequest request, Step step, long start) {
    Process process = step.process();
    OutputPump out;
    OutputPump err;
    Duration timeout = request.timeout();
    if (request.capture()) {
      // Output that passes the limit stops the command at once: waiting for its end would let it
      // run (and fill a disk) for nothing.
      Runnable stop = step::stop;
      out = OutputPump.capture(process.getInputStream(), captureLimits.outputBytes(), stop);
      err = OutputPump.capture(process.getErrorStream(), captureLimits.outputBytes(), stop);
      timeout = timeout == null ? captureLimits.timeout() : timeout;
    } else {
      LogSink sink = LogSink.open(request.log(), request.lines(), filters, limits.logBytes());
      out = OutputPump.toSink(process.getInputStream(), sink, limits);
      err = null;
    }
    boolean timedOut = false;
    try {
      if (timeout == null) {
        process.waitFor();
      } else if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        timedOut = true;
        step.stop();
      }
    } catch (InterruptedException e) {
      step.stop();
      Thread.currentThread().interrupt();
    }
    if (!request.capture()) {
      // What the step left running (a server started in the background, a watcher, a daemon that
      // double-forked away) is stopped, as a build server ends a build's stray processes. Always a
      // full sweep: one look could miss a process in the middle of an exec, which shows no
      // environment for that moment.
      step.stopLeftovers();
    }
    long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    String stdout = out.finish();
    String stderr = err == null ? "" : err.finish();
    int exit = process.isAlive() ? -1 : process.exitValue();
    if (out.overflowed() || (err != null && err.overflowed())) {
      // Even a command that exited 0 failed: what it printed is not all there.
      String why = captureLimits.tooMuchOutput();
      stderr = stderr.isEmpty() ? why : stderr + (stderr.endsWith("\n") ? "" : "\n") + why;
      exit = exit == 0 ? -1 : exit;
    }
    return new CommandResult(exit, stdout, stderr, durationMs, timedOut, cancelled, null);
  }

  /**
   * Stops every command of this runner at once (one shared grace period, however many there are),
   * with everything they started; commands asked for afterwards do not start.
   */
  @Override
  public void cancelAll() {
    cancelled = true;
    stopAll();
  }

  /**
   * Stops whatever of this runner still runs, and its watchdog. The runner can still be used: a
   * later command starts a new watchdog.
   */
  @Override
  public void close() {
    stopAll();
    synchronized (this) {
      if (watchdog != null) {
        watchdog.close();
        watchdog = null;
      }
      if (cgroups != null) {
        cgroups.close();
        cgroups = null;
      }
    }
  }

  private void stopAll() {
    List<Process> roots = new ArrayList<>(running.keySet());
    List<Long> groups = new ArrayList<>();
    for (Process root : roots) {
      if (Boolean.TRUE.equals(running.get(root))) {
        groups.add(root.pid());
      }
    }
    Optional<Path> all;
    synchronized (this) {
      all = Optional.ofNullable(cgroups).map(StepCgroups::root);
    }
    ProcessTrees.stop(roots, groups, marker.all(), all);
  }

  /** The watchdog process, once a command has started it; for tests. */
  synchronized Optional<ProcessHandle> watchdog() {
    return Optional.ofNullable(watchdog).map(Watchdog::handle);
  }

  /** What every process of this runner has in its environment; for tests. */
  String markerPrefix() {
    return marker.runnerPrefix();
  }

  private synchronized void startWatchdog() {
    if (watchdog == null) {
      // The groups first: the watchdog must know them to kill what is in them.
      Optional<Path> all = stepCgroups().map(StepCgroups::root);
      watchdog = Watchdog.start(marker.runnerPrefix(), all).orElse(null);
    }
  }

  /** The runner's control groups, made at its first step; empty where the machine has none. */
  private synchronized Optional<StepCgroups> stepCgroups() {
    if (cgroups == null && shell.isPresent()) {
      cgroups = StepCgroups.create(shell.get()).orElse(null);
    }
    return Optional.ofNullable(cgroups);
  }

  /**
   * Whether steps run here in control groups of their own, the net that also holds a process that
   * cleared its environment and left the step's session (see {@link StepCgroups}); checks by making
   * and removing one.
   */
  public static boolean stepsHaveControlGroups() {
    Optional<Path> sh = Executables.find("sh", System.getenv("PATH"), Path.of("."));
    Optional<StepCgroups> probe = sh.flatMap(StepCgroups::create);
    probe.ifPresent(StepCgroups::close);
    return probe.isPresent();
  }

  /** The runner's control group, once a step has made it; for tests. */
  synchronized Optional<Path> cgroup() {
    return Optional.ofNullable(cgroups).map(StepCgroups::root);
  }

  private static List<Long> groups(Process process, boolean ownGroup) {
    return ownGroup ? List.of(process.pid()) : List.of();
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  private static void closeQuietly(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // stdin is closed so that a command waiting for input ends instead of hanging
    }
  }

  private static String startFailure(CommandRequest request, IOException e) {
    String program = request.argv().get(0);
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains("error=2") || message.contains("No such file")) {
      return "command not found: " + program;
    }
    if (message.contains("error=13")) {
      return "permission denied: " + program + " is not executable";
    }
    return program + ": " + message;
  }
}
