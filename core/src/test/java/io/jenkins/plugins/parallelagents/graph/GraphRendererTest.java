package io.jenkins.plugins.parallelagents.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import org.junit.jupiter.api.Test;

class GraphRendererTest {

  private static final String PLAN =
      """
      version: 1
      name: prefs
      tasks:
        - id: migration
          title: Database migration
          foundation: true
          prompt: p
        - id: api
          needs: [migration]
          prompt: p
        - id: docs
          prompt: p
        - id: frontend
          title: The "new" UI
          needs: [api, docs]
          prompt: p
      """;

  private final GraphRenderer renderer = new GraphRenderer();

  private static Plan plan() throws Exception {
    return new PlanParser().parse(PLAN, "agents-plan.yaml");
  }

  @Test
  void text_listsFoundationThenLevelsWithNeeds() throws Exception {
    assertThat(renderer.text(plan()))
        .isEqualTo(
            """
            plan prefs: 4 tasks, 1 foundation
            foundation, one after another:
              [foundation] migration - Database migration
            level 1, in parallel:
              api (needs migration)
              docs
            level 2, in parallel:
              frontend - The "new" UI (needs api, docs)
            """);
  }

  @Test
  void mermaid_marksFoundationAndDrawsEveryEdge() throws Exception {
    String mermaid = renderer.mermaid(plan());

    assertThat(mermaid).startsWith("flowchart TD\n");
    assertThat(mermaid)
        .contains("  t1[[\"migration<br/>Database migration\"]]:::foundation\n")
        .contains("  t2[\"api\"]\n")
        .contains("  t4[\"frontend<br/>The #quot;new#quot; UI\"]\n")
        .contains("  t1 --> t2\n", "  t2 --> t4\n", "  t3 --> t4\n")
        .contains("classDef foundation ");
    assertThat(mermaid).doesNotContain("t2[\"api\"]:::foundation").doesNotContain("--> t1");
  }

  @Test
  void mermaid_withoutFoundation_hasNoFoundationClass() throws Exception {
    Plan plan =
        new PlanParser()
            .parse("version: 1\nname: x\ntasks: [{id: a, prompt: p}]\n", "agents-plan.yaml");

    assertThat(renderer.mermaid(plan)).isEqualTo("flowchart TD\n  t1[\"a\"]\n");
  }

  @Test
  void dot_marksFoundationAndDrawsEveryEdge() throws Exception {
    String dot = renderer.dot(plan());

    assertThat(dot).startsWith("digraph \"prefs\" {\n").endsWith("}\n");
    assertThat(dot)
        .contains(
            "  \"migration\" [label=\"migration\\nDatabase migration\", style=\"rounded,filled\","
                + " fillcolor=\"#fde68a\", peripheries=2];\n")
        .contains("  \"api\" [label=\"api\"];\n")
        .contains("  \"frontend\" [label=\"frontend\\nThe \\\"new\\\" UI\"];\n")
        .contains("  \"migration\" -> \"api\";\n", "  \"api\" -> \"frontend\";\n")
        .contains("  \"docs\" -> \"frontend\";\n");
  }

  @Test
  void render_choosesTheFormat() throws Exception {
    Plan plan = plan();

    assertThat(renderer.render(plan, GraphFormat.TEXT)).isEqualTo(renderer.text(plan));
    assertThat(renderer.render(plan, GraphFormat.MERMAID)).isEqualTo(renderer.mermaid(plan));
    assertThat(renderer.render(plan, GraphFormat.DOT)).isEqualTo(renderer.dot(plan));
  }
}
