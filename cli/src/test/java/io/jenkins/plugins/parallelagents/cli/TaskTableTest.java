package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskTableTest {

  private final TaskTable table = new TaskTable(Map.of("migration", 1, "api", 3, "frontend", 1));
  private final Instant now = TaskReports.START.plusMillis(12_000);

  @Test
  void rendersHeaderOneRowPerTaskAndThePhase() {
    List<String> lines =
        table.render(
            List.of(
                TaskReports.finished("migration", TaskStatus.SUCCEEDED, 6_100, 42, 3, null),
                TaskReports.running("api", 2),
                TaskReports.pending("frontend")),
            Map.of("api", "writing src/api/prefs.ts"),
            Map.of(),
            "tasks",
            now,
            120);

    assertThat(lines)
        .containsExactly(
            "TASK       STATE       ELAPSED  ATTEMPT  OUTPUT",
            "migration  SUCCEEDED   6.1s     1/1      +42 -3",
            "api        RUNNING     12.0s    2/3      writing src/api/prefs.ts",
            "frontend   PENDING",
            "phase: tasks");
  }

  @Test
  void runningTask_showsItsStep_andTheColumnsAfterItStayAligned() {
    List<String> lines =
        table.render(
            List.of(
                TaskReports.finished("migration", TaskStatus.SUCCEEDED, 6_100, 42, 3, null),
                TaskReports.running("api", 1)),
            Map.of(),
            Map.of("api", "verify", "migration", "collect"),
            "tasks",
            now,
            120);

    assertThat(lines)
        .containsExactly(
            "TASK       STATE            ELAPSED  ATTEMPT  OUTPUT",
            "migration  SUCCEEDED        6.1s     1/1      +42 -3",
            "api        RUNNING: verify  12.0s    1/3",
            "phase: tasks");
  }

  @Test
  void failedTask_showsItsReasonInsteadOfOutput() {
    List<String> lines =
        table.render(
            List.of(TaskReports.finished("api", TaskStatus.TIMED_OUT, 1_800_000, 0, 0, "timeout")),
            Map.of("api", "still thinking"),
            Map.of("api", "agent"),
            "tasks",
            now,
            120);

    assertThat(lines.get(1)).isEqualTo("api   TIMED_OUT   30m00s   1/3      timeout");
  }

  @Test
  void longOutput_isCutToTheWidth() {
    String longLine = "x".repeat(200);

    List<String> lines =
        table.render(
            List.of(TaskReports.running("api", 1)),
            Map.of("api", longLine),
            Map.of(),
            "tasks",
            now,
            60);

    assertThat(lines).allMatch(line -> line.length() <= 59);
    assertThat(lines.get(1)).startsWith("api   RUNNING").endsWith("x...");
  }
}
