package io.jenkins.plugins.parallelagents.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  private final String md = new MarkdownReport().render(SampleRun.report());

  @Test
  void title_namesTheRunAndItsStatus_thenBaseAndTarget() {
    assertThat(md).startsWith("# parallel-agents: notification-prefs — FAILED\n");
    assertThat(md)
        .contains("- Base: `feature/notification-prefs` at `abcdef0123`")
        .contains("- Target: `agents/notification-prefs`");
  }

  @Test
  void taskTable_hasARowPerTaskWithStatusDurationAttemptsAndDiffstat() {
    assertThat(md)
        .contains(
            "| `migration` (foundation) Database migration | SUCCEEDED | 1m 02s | 1 | +40 −0 | 2 |  |")
        .contains(
            "| `api` Preferences API | SUCCEEDED | 2m 50s | 3 (chose 2) | +120 −8 |"
                + " 3 (1 outside declared paths) |  |")
        .contains(
            "| `e2e` End-to-end tests | SKIPPED |  | 0 | +0 −0 | 0 | needs frontend, which failed |");
  }

  @Test
  void pipesAndMarkupInUserText_doNotBreakTheTable() {
    assertThat(md)
        .contains(
            "| `frontend` Settings page | FAILED | 1m 35s | 1 | +0 −0 | 0 |"
                + " verify failed: npm test \\| exit 1 |")
        .contains("Digest \\| emails \\<script>alert(1)\\</script>")
        // Every '<' is backslash-escaped, so no renderer sees an HTML tag.
        .doesNotContainPattern("(?<!\\\\)<");
    String taskRow = md.lines().filter(l -> l.startsWith("| `emails`")).findFirst().orElseThrow();
    assertThat(taskRow.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(8);
  }

  @Test
  void mergeSection_listsOrderAndConflictWithFilesAndTasks() {
    assertThat(md)
        .contains("- Strategy: MERGE")
        .contains("- Status: **CONFLICT**")
        .contains("- Order: `api` → `emails`")
        .contains("| `emails` | `src/api/routes.ts` | `api` |");
  }

  @Test
  void predictedConflictsTestPublishAndTiming_areShown() {
    assertThat(md)
        .contains("| `api` × `emails` | `src/api/routes.ts` |")
        .contains("- Status: **FAILED** (exit code 1)")
        .contains("- Status: **SKIPPED**")
        .contains("Makespan 6m 40s, critical path 5m 27s.")
        .contains("| tasks | 4m 25s |");
  }
}
