package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.graph.GraphFormat;
import io.jenkins.plugins.parallelagents.graph.GraphRenderer;
import io.jenkins.plugins.parallelagents.plan.Plan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code graph PLAN}: prints the plan's task graph. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Print the plan's task graph as text, Mermaid or DOT.",
      "",
      "Shows which tasks wait for which. Mermaid renders in GitHub and GitLab Markdown; DOT"
          + " renders with Graphviz (dot -Tsvg).",
      ""
    })
final class GraphCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "PLAN", description = "The plan file, e.g. agents-plan.yaml.")
  Path planFile;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = GraphFormatOption.Converter.class,
      completionCandidates = GraphFormatOption.Names.class,
      description = "One of: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  GraphFormat format;

  @Override
  public Integer call() throws CliFailure {
    Plan plan = new PlanFiles().load(planFile);
    String graph = new GraphRenderer().render(plan, format);
    PrintWriter out = spec.commandLine().getOut();
    out.print(graph.endsWith("\n") ? graph : graph + "\n");
    out.flush();
    return ExitCodes.OK;
  }
}
