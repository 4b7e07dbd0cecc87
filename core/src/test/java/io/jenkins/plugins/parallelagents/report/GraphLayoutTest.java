package io.jenkins.plugins.parallelagents.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {

  @Test
  void columns_followDependencyDepth_withFoundationFirst() {
    GraphLayout layout = GraphLayout.of(SampleRun.report().tasks());

    assertThat(layout.cell("migration").column()).isZero();
    assertThat(layout.cell("api").column()).isEqualTo(1);
    assertThat(layout.cell("emails").column()).isEqualTo(1);
    assertThat(layout.cell("frontend").column()).isEqualTo(2);
    assertThat(layout.cell("e2e").column()).isEqualTo(3);
    assertThat(layout.columns()).isEqualTo(4);
    assertThat(layout.rows()).isEqualTo(2);
  }

  @Test
  void taskWithoutNeeds_stillStartsAfterTheFoundation() {
    List<TaskReport> tasks =
        List.of(
            TaskReport.pending("docs", "Docs", false, List.of()),
            TaskReport.pending("schema", "Schema", true, List.of()),
            TaskReport.pending("seed", "Seed", true, List.of("schema")));

    GraphLayout layout = GraphLayout.of(tasks);

    assertThat(layout.cell("schema").column()).isZero();
    assertThat(layout.cell("seed").column()).isEqualTo(1);
    assertThat(layout.cell("docs").column()).isEqualTo(2);
  }

  @Test
  void dependantListedBeforeItsNeed_isStillPlacedRightOfIt() {
    List<TaskReport> tasks =
        List.of(
            TaskReport.pending("ui", "UI", false, List.of("api")),
            TaskReport.pending("api", "API", false, List.of()),
            TaskReport.pending("db", "DB", true, List.of()));

    GraphLayout layout = GraphLayout.of(tasks);

    assertThat(layout.cell("api").column()).isEqualTo(1);
    assertThat(layout.cell("ui").column()).isEqualTo(2);
  }

  @Test
  void needOutsideTheReportOrACycle_doesNotHangTheLayout() {
    List<TaskReport> tasks =
        List.of(
            TaskReport.pending("a", "A", false, List.of("b", "ghost")),
            TaskReport.pending("b", "B", false, List.of("a")));

    GraphLayout layout = GraphLayout.of(tasks);

    assertThat(layout.cell("a")).isNotNull();
    assertThat(layout.cell("b")).isNotNull();
  }
}
