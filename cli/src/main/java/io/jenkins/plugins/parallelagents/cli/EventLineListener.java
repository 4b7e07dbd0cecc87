package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Progress as one timestamped line per event, for logs, CI and pipes, where a redrawn table would
 * be noise: {@code [12:01:03] api RUNNING attempt 1/3}.
 */
final class EventLineListener implements Progress {

  private final PrintWriter out;
  private final Clock clock;
  private final boolean verbose;
  private final Map<String, Integer> plannedAttempts;
  private final DateTimeFormatter time;

  /** Per task, what was last said about it: the engine may report a task unchanged. */
  private final Map<String, String> lastSaid = new HashMap<>();

  EventLineListener(
      PrintWriter out, Clock clock, boolean verbose, Map<String, Integer> plannedAttempts) {
    this.out = out;
    this.clock = clock;
    this.verbose = verbose;
    this.plannedAttempts = Map.copyOf(plannedAttempts);
    this.time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(clock.getZone());
  }

  @Override
  public synchronized void runStarted(String runId, Path runDirectory) {
    say("run " + runId + " started in " + runDirectory);
  }

  @Override
  public synchronized void taskChanged(TaskReport task) {
    String text = TaskText.status(task, plannedAttempts.getOrDefault(task.id(), 1));
    if (!text.equals(lastSaid.put(task.id(), text))) {
      say(task.id() + " " + text);
    }
  }

  @Override
  public synchronized void output(String source, String step, String line) {
    if (verbose) {
      say(source + " " + step + " | " + TerminalText.clean(line));
    }
  }

  /** Only with {@code --verbose}: a step is detail, and a log without it stays as short. */
  @Override
  public synchronized void stepStarted(String taskId, int attempt, String step) {
    if (verbose) {
      int planned = plannedAttempts.getOrDefault(taskId, 1);
      say(
          taskId
              + (planned > 1 ? " attempt " + attempt + "/" + planned : "")
              + " "
              + step
              + " started");
    }
  }

  @Override
  public synchronized void phaseStarted(String phase) {
    say(phase + " started");
  }

  @Override
  public synchronized void phaseFinished(String phase, String outcome) {
    say(phase + " " + outcome);
  }

  @Override
  public synchronized void conflictPredicted(PredictedConflict conflict) {
    say(ConflictWarning.line(conflict));
  }

  @Override
  public void close() {
    // nothing is redrawn, so nothing to stop
  }

  private void say(String text) {
    out.println("[" + time.format(clock.instant()) + "] " + text);
    out.flush();
  }
}
