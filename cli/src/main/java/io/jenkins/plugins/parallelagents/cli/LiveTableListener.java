package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Progress as a table redrawn in place on an interactive terminal. The engine calls it from many
 * threads and a ticker redraws it every second so that elapsed times move; one lock orders all of
 * them.
 */
final class LiveTableListener implements Progress {

  /** Cursor to the start of the line {@code n} lines up; then erase to the end of the screen. */
  private static final String UP = "\u001B[%dF";

  private static final String ERASE_BELOW = "\u001B[J";

  private final PrintWriter out;
  private final Clock clock;
  private final int width;
  private final boolean verbose;
  private final TaskTable table;
  private final ScheduledExecutorService ticker;

  private final Map<String, TaskReport> tasks = new LinkedHashMap<>();
  private final Map<String, String> lastLines = new HashMap<>();

  /** Per task, the step each of its running attempts is in, by attempt number. */
  private final Map<String, Map<Integer, String>> steps = new HashMap<>();

  private String phase = "starting";
  private int drawnLines;
  private boolean closed;

  private LiveTableListener(
      PrintWriter out, Clock clock, int width, boolean verbose, List<Task> planTasks) {
    this.out = out;
    this.clock = clock;
    this.width = width;
    this.verbose = verbose;
    Map<String, Integer> attempts = new LinkedHashMap<>();
    for (Task task : planTasks) {
      attempts.put(task.id(), task.attempts());
      tasks.put(
          task.id(), TaskReport.pending(task.id(), task.title(), task.foundation(), task.needs()));
    }
    this.table = new TaskTable(attempts);
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "parallel-agents-progress");
              thread.setDaemon(true);
              return thread;
            });
  }

  static LiveTableListener start(
      PrintWriter out, Clock clock, int width, boolean verbose, List<Task> planTasks) {
    LiveTableListener listener = new LiveTableListener(out, clock, width, verbose, planTasks);
    listener.redraw();
    listener.ticker.scheduleAtFixedRate(listener::redraw, 1, 1, TimeUnit.SECONDS);
    return listener;
  }

  @Override
  public synchronized void runStarted(String runId, Path runDirectory) {
    above("run " + runId + " in " + runDirectory);
  }

  @Override
  public synchronized void taskChanged(TaskReport task) {
    tasks.put(task.id(), task);
    if (task.status().isFinal()) {
      steps.remove(task.id());
    }
    redraw();
  }

  /** A task moves on a step: a handful of times per attempt, so each is worth a redraw. */
  @Override
  public synchronized void stepStarted(String taskId, int attempt, String step) {
    steps.computeIfAbsent(taskId, id -> new TreeMap<>()).put(attempt, step);
    redraw();
  }

  /** Output only updates the row; the ticker shows it, so a chatty agent costs no redraws. */
  @Override
  public synchronized void output(String source, String step, String line) {
    String clean = TerminalText.clean(line);
    if (!clean.isEmpty()) {
      lastLines.put(source, clean);
    }
    if (verbose) {
      above(source + " " + step + " | " + clean);
    }
  }

  @Override
  public synchronized void phaseStarted(String phase) {
    this.phase = phase;
    redraw();
  }

  @Override
  public synchronized void phaseFinished(String phase, String outcome) {
    this.phase = phase + ": " + outcome;
    redraw();
  }

  /** Above the table, so that it stays in the scrollback when the table moves on. */
  @Override
  public synchronized void conflictPredicted(PredictedConflict conflict) {
    above(ConflictWarning.line(conflict));
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      redraw();
      closed = true;
      ticker.shutdownNow();
    }
  }

  /** Prints a line above the table, which is redrawn below it: the line stays in scrollback. */
  private void above(String line) {
    if (closed) {
      return;
    }
    erase();
    out.println(TerminalText.truncate(line, width - 1));
    draw();
  }

  private synchronized void redraw() {
    if (closed) {
      return;
    }
    erase();
    draw();
  }

  private void erase() {
    if (drawnLines > 0) {
      out.print(String.format(UP, drawnLines) + ERASE_BELOW);
      drawnLines = 0;
    }
  }

  /** Per task, its attempts' steps: {@code verify}, or {@code agent,verify} for two attempts. */
  private Map<String, String> currentSteps() {
    Map<String, String> current = new HashMap<>();
    steps.forEach(
        (task, byAttempt) ->
            current.put(
                task, byAttempt.values().stream().distinct().collect(Collectors.joining(","))));
    return current;
  }

  private void draw() {
    List<String> lines =
        table.render(tasks.values(), lastLines, currentSteps(), phase, clock.instant(), width);
    lines.forEach(out::println);
    drawnLines = lines.size();
    out.flush();
  }
}
