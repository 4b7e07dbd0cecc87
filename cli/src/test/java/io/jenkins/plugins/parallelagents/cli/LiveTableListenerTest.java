package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveTableListenerTest {

  private final Clock clock = Clock.fixed(TaskReports.START, ZoneOffset.UTC);
  private final StringWriter out = new StringWriter();
  private final List<Task> tasks = List.of(task("api"), task("web"));

  @Test
  void redraw_movesUpOverThePreviousTableAndErasesIt() {
    try (LiveTableListener listener =
        LiveTableListener.start(new PrintWriter(out), clock, 80, false, tasks)) {
      listener.taskChanged(TaskReports.running("api", 1));
      listener.taskChanged(TaskReports.finished("api", TaskStatus.SUCCEEDED, 1_000, 1, 0, null));
    }

    String screen = out.toString();
    // header + 2 tasks + phase line = 4 lines drawn, then moved over
    assertThat(screen).contains("\u001B[4F\u001B[J");
    assertThat(screen.substring(screen.lastIndexOf("\u001B[J")))
        .contains("api   SUCCEEDED")
        .contains("web   PENDING");
  }

  @Test
  void runningTask_showsTheStepItIsIn_untilItEnds() {
    try (LiveTableListener listener =
        LiveTableListener.start(new PrintWriter(out), clock, 80, false, tasks)) {
      listener.taskChanged(TaskReports.running("api", 1));
      listener.stepStarted("api", 1, "agent");
      listener.stepStarted("api", 1, "verify");
      assertThat(lastTable()).contains("api   RUNNING: verify").doesNotContain("agent");

      listener.taskChanged(TaskReports.finished("api", TaskStatus.SUCCEEDED, 1_000, 1, 0, null));
      assertThat(lastTable()).contains("api   SUCCEEDED").doesNotContain("verify");
    }
  }

  @Test
  void severalAttempts_showEachStepTheyAreIn() {
    try (LiveTableListener listener =
        LiveTableListener.start(new PrintWriter(out), clock, 80, false, tasks)) {
      listener.taskChanged(TaskReports.running("api", 2));
      listener.stepStarted("api", 1, "verify");
      listener.stepStarted("api", 2, "agent");

      assertThat(lastTable()).contains("api   RUNNING: verify,agent");
    }
  }

  @Test
  void verboseOutput_isPrintedAboveTheTable() {
    try (LiveTableListener listener =
        LiveTableListener.start(new PrintWriter(out), clock, 80, true, tasks)) {
      listener.output("api", "agent", "hello from the agent");
    }

    assertThat(out.toString())
        .contains(
            "\u001B[J" + "api agent | hello from the agent" + System.lineSeparator() + "TASK");
  }

  @Test
  void predictedConflict_isPrintedAboveTheTable_evenWithoutVerbose() {
    try (LiveTableListener listener =
        LiveTableListener.start(new PrintWriter(out), clock, 200, false, tasks)) {
      listener.conflictPredicted(new PredictedConflict("api", "web", List.of("config.txt")));
    }

    assertThat(out.toString())
        .contains(
            "\u001B[J"
                + "! conflict ahead: 'api' and 'web' both change config.txt (predicted; the merge"
                + " will set one aside unless it is resolved)"
                + System.lineSeparator()
                + "TASK");
  }

  /** What the terminal shows now: the table drawn after the last erase. */
  private String lastTable() {
    String screen = out.toString();
    return screen.substring(screen.lastIndexOf("\u001B[J"));
  }

  private static Task task(String id) {
    return new Task(
        id,
        id,
        false,
        List.of(),
        "do it",
        List.of(),
        "script",
        Duration.ofMinutes(1),
        1,
        null,
        null,
        null);
  }
}
