package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(result.out()).contains("migration", "api", "frontend", "docs").endsWith("\n");
    assertThat(result.out()).isEqualTo(Cli.run("graph", plan.toString(), "--format=text").out());
  }

  @Test
  void mermaid_isAFlowchartWithTheEdges() throws Exception {
    Path plan = Plans.write(dir, "agents-plan.yaml", Plans.VALID);

    Cli.Result result = Cli.run("graph", plan.toString(), "--format", "mermaid");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.outLines().get(0)).matches("(flowchart|graph) .*");
    assertThat(result.out()).contains("-->").contains("migration", "api", "frontend", "docs");
  }

  @Test
  void dot_isADigraphWithTheEdges() throws Exception {
    Path plan = Plans.write(dir, "agents-plan.yaml", Plans.VALID);

    Cli.Result result = Cli.run("graph", plan.toString(), "--format", "DOT");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).contains("digraph", "->").contains("migration", "api", "frontend");
  }

  @Test
  void invalidPlan_exits2WithTheProblems() throws Exception {
    Path plan = Plans.write(dir, "agents-plan.yaml", Plans.INVALID);

    Cli.Result result = Cli.run("graph", plan.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("migraton");
  }
}
