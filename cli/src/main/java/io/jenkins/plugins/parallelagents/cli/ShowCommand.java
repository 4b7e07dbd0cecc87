package io.jenkins.plugins.parallelagents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.parallelagents.lifecycle.RunCatalog;
import io.jenkins.plugins.parallelagents.lifecycle.RunEntry;
import io.jenkins.plugins.parallelagents.lifecycle.StateRoot;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code show RUN}: one run's outcome, as {@code run} printed it when it ended. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Show one run: its status, each task, the combined branch, the target, the report.",
      "",
      "Prints the summary run prints when it ends, read from the run's report.json; for a run"
          + " still going, its state so far. A run whose process died shows as INTERRUPTED."
          + " parallel-agents runs lists the runs and their ids.",
      ""
    })
final class ShowCommand implements Callable<Integer> {

  static final String LATEST = "latest";

  @Spec CommandSpec spec;

  @ParentCommand ParallelAgentsCommand parent;

  @Mixin CommonOptions common;

  @Mixin RunStateOptions state;

  @Parameters(
      paramLabel = "RUN",
      description = "The run's id, as runs lists it, or '" + LATEST + "' for the newest run.")
  String runId;

  @Option(names = "--json", description = "Print the run's report.json as it is.")
  boolean json;

  @Override
  public Integer call() throws CliFailure, IOException {
    StateRoot root = state.stateRoot(parent.host());
    RunCatalog catalog = new RunCatalog(root);
    Optional<RunEntry> found = runId.equals(LATEST) ? catalog.latest() : catalog.find(runId);
    RunEntry run = found.orElseThrow(() -> unknown(root));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print(Files.readString(run.directory().reportJson(), StandardCharsets.UTF_8));
    } else {
      new RunSummary(plannedAttempts(run.directory().planJson())).print(run.report(), out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private CliFailure unknown(StateRoot root) {
    String what = runId.equals(LATEST) ? "no run yet" : "no run '" + runId + "'";
    return new CliFailure(
        ExitCodes.USAGE,
        List.of(what + " in " + root.root() + "; parallel-agents runs lists the runs there"),
        null);
  }

  /**
   * Attempts per task as the run's plan.json planned them, for "attempt 2/3" of a task that was
   * running; without that file, what the report shows.
   */
  private static Map<String, Integer> plannedAttempts(Path planJson) {
    Map<String, Integer> attempts = new LinkedHashMap<>();
    try {
      JsonNode tasks = ReportJson.newMapper().readTree(planJson.toFile()).path("tasks");
      for (JsonNode task : tasks) {
        if (task.path("id").isTextual() && task.path("attempts").isInt()) {
          attempts.put(task.path("id").asText(), task.path("attempts").asInt());
        }
      }
    } catch (IOException e) {
      // a run directory without its plan (removed, or foreign) still shows its report
    }
    return attempts;
  }
}
