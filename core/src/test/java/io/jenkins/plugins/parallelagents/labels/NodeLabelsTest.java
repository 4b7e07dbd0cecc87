package io.jenkins.plugins.parallelagents.labels;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which labels a plan may name, and the built-in node kept out of every stage. */
class NodeLabelsTest {

  private static Plan plan(String... labels) throws Exception {
    StringBuilder yaml =
        new StringBuilder("version: 1\nname: shop\ndefaults:\n  agent: codex\n")
            .append("agents:\n  codex:\n    command: codex exec x\ntasks:\n");
    for (int i = 0; i < labels.length; i++) {
      yaml.append("  - id: t")
          .append(i)
          .append("\n    prompt: Do it.\n    label: '")
          .append(labels[i].replace("'", "''"))
          .append("'\n");
    }
    return new PlanParser().parse(yaml.toString(), "agents-plan.yaml");
  }

  private static NodeLabels allowing(String... labels) {
    return new NodeLabels(List.of(labels), false, "built-in");
  }

  @Test
  void aLabelTheJenkinsfileAllows_passes_asAWholeExpressionOrByPattern() throws Exception {
    assertThat(allowing("linux", "gpu && large", "agents-*").problems(plan("linux"), null))
        .isEmpty();
    assertThat(allowing("gpu && large").problems(plan("gpu && large"), null)).isEmpty();
    assertThat(allowing("agents-*").problems(plan("agents-arm64"), null)).isEmpty();
  }

  @Test
  void aLabelOutsideTheList_failsNamingTheTaskAndTheLabel() throws Exception {
    assertThat(allowing("linux", "agents-*").problems(plan("linux", "release-signing"), null))
        .containsExactly(
            "task 't1' asks for the label 'release-signing', which the Jenkinsfile's labels do"
                + " not allow (allowed: linux, agents-*)");
  }

  @Test
  void aPatternStandsForPartOfOneLabel_neverForAnOperatorThatWidensIt() throws Exception {
    NodeLabels labels = allowing("agents-*");

    assertThat(labels.problems(plan("agents-x || release-signing"), null)).hasSize(1);
    assertThat(labels.problems(plan("agents-x&&!linux"), null)).hasSize(1);
    assertThat(labels.problems(plan("agents-\"x\""), null)).hasSize(1);
    assertThat(allowing("linux").problems(plan("linux || built-in"), null)).hasSize(1);
  }

  @Test
  void withoutAList_anyLabelMayBeNamed_butNotTheBuiltInNode() throws Exception {
    NodeLabels labels = new NodeLabels(null, false, "built-in");

    assertThat(labels.problems(plan("whatever && else"), null)).isEmpty();
    assertThat(labels.problems(plan("linux || \"built-in\""), null))
        .containsExactly(
            "task 't0' asks for the label 'linux || \"built-in\"', the built-in node, where"
                + " agents may not run unless the call sets allowBuiltIn: true");
    assertThat(labels.problems(plan("linux"), "built-in"))
        .containsExactly(
            "the label 'built-in' names the built-in node, where agents and the plan's commands"
                + " may not run unless the call sets allowBuiltIn: true");
  }

  @Test
  void aLabelThatWouldCloseTheStagesParenthesis_isRefused_evenWithoutAList() throws Exception {
    NodeLabels labels = new NodeLabels(null, false, "built-in");

    // Wrapped as "(linux) || (linux) && !built-in", it would let the built-in node take it.
    assertThat(labels.problems(plan("linux) || (linux"), null))
        .containsExactly(
            "task 't0' asks for the label 'linux) || (linux', whose parentheses do not balance");
    assertThat(labels.problems(plan("(linux"), null)).hasSize(1);
    assertThat(labels.problems(plan("linux"), "linux) || (x")).hasSize(1);
    assertThat(labels.problems(plan("(linux || arm) && \"a)b\""), null)).isEmpty();
  }

  @Test
  void aControllerThatKeptTheOldNameIsKnownByIt() throws Exception {
    NodeLabels labels = new NodeLabels(null, false, "master");

    assertThat(labels.problems(plan("master"), null)).hasSize(1);
    assertThat(labels.forStage(null)).isEqualTo("!master");
  }

  @Test
  void everyStageExcludesTheBuiltInNode_evenWhenItCarriesTheLabelAsked() throws Exception {
    NodeLabels labels = new NodeLabels(null, false, "built-in");
    Plan plan = plan("linux || mac", "");

    assertThat(labels.forStage(null)).isEqualTo("!built-in");
    assertThat(labels.forStage("agents")).isEqualTo("(agents) && !built-in");
    assertThat(labels.forTask(plan.tasks().get(0), "agents"))
        .isEqualTo("(linux || mac) && !built-in");
    assertThat(labels.forTask(plan.tasks().get(1), "agents")).isEqualTo("(agents) && !built-in");
  }

  @Test
  void allowBuiltIn_leavesLabelsAsGiven_andLetsThemNameTheBuiltInNode() throws Exception {
    NodeLabels labels = new NodeLabels(List.of("built-in"), true, "built-in");

    assertThat(labels.problems(plan("built-in"), "built-in")).isEmpty();
    assertThat(labels.forStage(null)).isNull();
    assertThat(labels.forStage(" linux ")).isEqualTo("linux");
  }

  @Test
  void labelNamesAreReadAsJenkinsReadsThem() {
    assertThat(LabelAtoms.of("a->b && !(c-d || \"e f\")")).containsExactly("a", "b", "c-d", "e f");
    assertThat(LabelAtoms.escaped("built-in")).isEqualTo("built-in");
    assertThat(LabelAtoms.escaped("my node")).isEqualTo("\"my node\"");
  }
}
