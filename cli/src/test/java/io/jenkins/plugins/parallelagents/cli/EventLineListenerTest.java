package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLineListenerTest {

  private final Clock clock = Clock.fixed(TaskReports.START, ZoneOffset.UTC);
  private final StringWriter out = new StringWriter();
  private final Map<String, Integer> attempts = Map.of("api", 3, "web", 1, "docs", 1);

  private EventLineListener listener(boolean verbose) {
    return new EventLineListener(new PrintWriter(out), clock, verbose, attempts);
  }

  @Test
  void taskLifecycle_oneTimestampedLinePerChange() {
    EventLineListener listener = listener(false);

    listener.runStarted("r1", Path.of("/runs/r1"));
    listener.phaseStarted("tasks");
    listener.taskChanged(TaskReports.running("api", 1));
    listener.taskChanged(TaskReports.running("api", 1));
    listener.taskChanged(TaskReports.running("api", 2));
    listener.taskChanged(TaskReports.finished("api", TaskStatus.SUCCEEDED, 6_100, 42, 3, null));
    listener.taskChanged(
        TaskReports.finished("web", TaskStatus.FAILED, 3_000, 0, 0, "agent exited with 1"));
    listener.taskChanged(TaskReports.skipped("docs", "needs 'web', which failed"));
    listener.phaseFinished("tasks", "1 failed");

    assertThat(out.toString().lines())
        .containsExactly(
            "[12:01:03] run r1 started in " + Path.of("/runs/r1"),
            "[12:01:03] tasks started",
            "[12:01:03] api RUNNING attempt 1/3",
            "[12:01:03] api RUNNING attempt 2/3",
            "[12:01:03] api SUCCEEDED 6.1s +42 -3",
            "[12:01:03] web FAILED 3.0s: agent exited with 1",
            "[12:01:03] docs SKIPPED: needs 'web', which failed",
            "[12:01:03] tasks 1 failed");
  }

  @Test
  void agentOutput_isShownOnlyWhenVerbose_prefixedByTask() {
    listener(false).output("api", "agent", "quiet line");
    assertThat(out.toString()).isEmpty();

    listener(true).output("api", "agent", "\u001B[32mwriting\u001B[0m src/api.ts");

    assertThat(out.toString().lines()).containsExactly("[12:01:03] api agent | writing src/api.ts");
  }

  @Test
  void stepChanges_areALineEachOnlyWhenVerbose() {
    listener(false).stepStarted("web", 1, "agent");
    assertThat(out.toString()).isEmpty();

    EventLineListener verbose = listener(true);
    verbose.stepStarted("web", 1, "agent");
    verbose.stepStarted("web", 1, "verify");
    verbose.stepStarted("api", 2, "commit");

    assertThat(out.toString().lines())
        .containsExactly(
            "[12:01:03] web agent started",
            "[12:01:03] web verify started",
            "[12:01:03] api attempt 2/3 commit started");
  }

  @Test
  void predictedConflict_isOneWarningLine_namingBothTasksAndTheFiles() {
    EventLineListener listener = listener(false);

    listener.conflictPredicted(new PredictedConflict("api", "web", List.of("config.txt")));
    listener.conflictPredicted(
        new PredictedConflict("api", "docs", List.of("a.txt", "b.txt", "c.txt", "d.txt", "e.txt")));
    listener.conflictPredicted(
        new PredictedConflict("api", "deps", List.of("package-lock.json"), true));

    assertThat(out.toString().lines())
        .containsExactly(
            "[12:01:03] ! conflict ahead: 'api' and 'web' both change config.txt (predicted; the"
                + " merge will set one aside unless it is resolved)",
            "[12:01:03] ! conflict ahead: 'api' and 'docs' both change a.txt, b.txt, c.txt and 2"
                + " more (predicted; the merge will set one aside unless it is resolved)",
            "[12:01:03] ! conflict ahead: 'api' and 'deps' both change package-lock.json"
                + " (predicted; the merge will regenerate them)");
  }

  @Test
  void predictedConflict_onAFileNamedToDriveTheTerminal_printsItsNameInert() {
    listener(false)
        .conflictPredicted(
            new PredictedConflict("api", "web", List.of("\u001B[2J\u001B[1;1Hevil.txt\u0007")));

    assertThat(out.toString()).doesNotContain("\u001B").doesNotContain("\u0007");
    assertThat(out.toString().lines())
        .singleElement()
        .asString()
        .contains("both change evil.txt (");
  }
}
