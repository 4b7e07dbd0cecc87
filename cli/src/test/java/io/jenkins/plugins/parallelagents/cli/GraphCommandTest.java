package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.graph.GraphFormat;
import io.jenkins.plugins.parallelagents.graph.GraphRenderer;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {

  @TempDir Path dir;

  @Test
  void textIsTheDefault_andNamesEveryTask() throws Exception {
    Path plan = Plans.write(dir, "agents-plan.yaml", Plans.VALID);

    Cli.Result result = Cli.run("graph", plan.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out())
        .isEqualTo(rendered(plan, GraphFormat.TEXT))
        .contains("migration", "api", "frontend", "docs");
  }

  @Test
  void mermaid_isAFlowchartWithTheEdges() throws Exception {
    Path plan = Plans.write(dir, "agents-plan.yaml", Plans.VALID);

    Cli.Result result = Cli.run("graph", plan.toString(), "--format", "mermaid");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).isEqualTo(rendered(plan, GraphFormat.MERMAID));
    assertThat(result.outLines().get(0)).startsWith("flowchart");
    assertThat(result.outLines()).filteredOn(line -> line.contains("-->")).hasSize(3);
  }

  @Test
  void dot_inAnyCase_isADigraphWithTheEdges() throws Exception {
    Path plan = Plans.write(dir, "agents-plan.yaml", Plans.VALID);

    Cli.Result result = Cli.run("graph", plan.toString(), "--format=DOT");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out())
        .isEqualTo(rendered(plan, GraphFormat.DOT))
        .startsWith("digraph")
        .contains("\"migration\" -> \"api\"", "\"api\" -> \"frontend\"");
  }

  @Test
  void invalidPlan_exits2WithTheProblems() throws Exception {
    Path plan = Plans.write(dir, "agents-plan.yaml", Plans.INVALID);

    Cli.Result result = Cli.run("graph", plan.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("migraton");
  }

  private static String rendered(Path plan, GraphFormat format) throws Exception {
    return new GraphRenderer().render(new PlanParser().parse(plan), format);
  }
}
