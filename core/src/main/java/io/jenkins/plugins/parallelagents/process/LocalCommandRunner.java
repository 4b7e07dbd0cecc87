package io.jenkins.plugins.parallelagents.process;

import io.jenkins.plugins.parallelagents.secrets.PrivateFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Runs commands as local processes. Each runner belongs to one run: {@link #cancelAll()} kills what
 * that run started and nothing else, so many runs can share a JVM.
 */
public final class LocalCommandRunner implements CommandRunner {

  private final Map<String, String> baseEnvironment;
  private final UnaryOperator<String> lineFilter;
  private final Set<Process> running = ConcurrentHashMap.newKeySet();
  private final boolean sessions;
  private volatile boolean cancelled;

  /**
   * @param baseEnvironment the environment every command starts from (usually the host's own)
   */
  public LocalCommandRunner(Map<String, String> baseEnvironment) {
    this(baseEnvironment, UnaryOperator.identity());
  }

  /**
   * @param baseEnvironment the environment every command starts from (usually the host's own)
   * @param lineFilter applied to each output line of a logged command before it reaches the log
   *     file and the listener (the engine masks secrets with it)
   */
  public LocalCommandRunner(Map<String, String> baseEnvironment, UnaryOperator<String> lineFilter) {
    this.lineFilter = lineFilter;
    this.baseEnvironment = Map.copyOf(baseEnvironment);
    this.sessions =
        Executables.find("setsid", baseEnvironment.get("PATH"), Path.of(".")).isPresent();
  }

  @Override
  public CommandResult run(CommandRequest request) {
    if (cancelled) {
      return CommandResult.cancelledBeforeStart();
    }
    Map<String, String> env = new java.util.HashMap<>(baseEnvironment);
    env.putAll(request.environment());
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
    ProcessBuilder builder = new ProcessBuilder(argv).directory(request.directory().toFile());
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.redirectErrorStream(!request.capture());
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return CommandResult.notStarted(startFailure(request, e));
    }
    running.add(process);
    if (cancelled) {
      ProcessTrees.kill(process, ownGroup); // cancelAll ran between the check above and add()
    }
    try {
      closeQuietly(process);
      return await(request, process, ownGroup, start);
    } finally {
      running.remove(process);
    }
  }

  private CommandResult await(
      CommandRequest request, Process process, boolean ownGroup, long start) {
    OutputPump out;
    OutputPump err;
    if (request.capture()) {
      out = OutputPump.capture(process.getInputStream());
      err = OutputPump.capture(process.getErrorStream());
    } else {
      out = OutputPump.toLog(process.getInputStream(), request.log(), request.lines(), lineFilter);
      err = null;
    }
    boolean timedOut = false;
    try {
      if (request.timeout() == null) {
        process.waitFor();
      } else if (!process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        timedOut = true;
        ProcessTrees.kill(process, ownGroup);
      }
    } catch (InterruptedException e) {
      ProcessTrees.kill(process, ownGroup);
      Thread.currentThread().interrupt();
    }
    if (ownGroup) {
      ProcessTrees.killLeftovers(process.pid());
    }
    long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    String stdout = out.finish();
    String stderr = err == null ? "" : err.finish();
    int exit = process.isAlive() ? -1 : process.exitValue();
    return new CommandResult(exit, stdout, stderr, durationMs, timedOut, cancelled, null);
  }

  @Override
  public void cancelAll() {
    cancelled = true;
    for (Process process : running) {
      ProcessTrees.kill(process, sessions);
    }
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

  /** Reads one stream on its own thread so that a chatty process never blocks on a full pipe. */
  private static final class OutputPump {
    private final Thread thread;
    private final StringBuilder captured = new StringBuilder();

    private OutputPump(
        InputStream in,
        Writer log,
        java.util.function.Consumer<String> lines,
        boolean keep,
        UnaryOperator<String> filter) {
      thread =
          new Thread(
              () -> pump(in, log, lines, keep, filter), "parallel-agents-output-" + in.hashCode());
      thread.setDaemon(true);
      thread.start();
    }

    static OutputPump capture(InputStream in) {
      return new OutputPump(in, null, null, true, UnaryOperator.identity());
    }

    static OutputPump toLog(
        InputStream in,
        java.nio.file.Path log,
        java.util.function.Consumer<String> lines,
        UnaryOperator<String> filter) {
      Writer writer = null;
      if (log != null) {
        try {
          Files.createDirectories(log.getParent());
          PrivateFiles.create(log);
          writer =
              Files.newBufferedWriter(
                  log,
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.APPEND);
        } catch (IOException e) {
          writer = null; // the command still runs; its output only goes to the listener
        }
      }
      return new OutputPump(in, writer, lines, false, filter);
    }

    private void pump(
        InputStream in,
        Writer log,
        java.util.function.Consumer<String> lines,
        boolean keep,
        UnaryOperator<String> filter) {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          line = filter.apply(line);
          if (keep) {
            synchronized (captured) {
              captured.append(line).append('\n');
            }
          }
          if (log != null) {
            log.write(line);
            log.write('\n');
            log.flush();
          }
          if (lines != null) {
            deliver(lines, line);
          }
        }
      } catch (IOException ignored) {
        // the stream closes when the process tree is killed
      } finally {
        if (log != null) {
          try {
            log.close();
          } catch (IOException ignored) {
            // nothing more to write
          }
        }
      }
    }

    /** A host's listener that fails must not stop the draining: the step would die of SIGPIPE. */
    private static void deliver(java.util.function.Consumer<String> lines, String line) {
      try {
        lines.accept(line);
      } catch (RuntimeException e) {
        // the line is still in the log file
      }
    }

    String finish() {
      try {
        // A killed tree's orphaned grandchild could hold the pipe open: do not wait for ever.
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (captured) {
        return captured.toString();
      }
    }
  }
}
