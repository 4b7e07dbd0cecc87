package io.jenkins.plugins.parallelagents.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.parallelagents.distributed.PlanOutline;
import io.jenkins.plugins.parallelagents.distributed.RunStart;
import io.jenkins.plugins.parallelagents.distributed.StartFile;
import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitEnvironment;
import io.jenkins.plugins.parallelagents.lifecycle.RunIds;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code outline PLAN}: starts a run spread over CI jobs and prints the jobs it needs. */
@Command(
    name = "outline",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Start a run spread over CI jobs: fix its base and write its start for the other jobs.",
      "",
      "The first job of a run in any CI (see docs/ci.md). Reads and checks the plan, resolves its"
          + " base in the checkout and writes start.json to --out, which every later job of the"
          + " run is given (`task`, `finish`). Prints the tasks: the foundation tasks, which run"
          + " one after another, then the other tasks in waves, each wave needing only the"
          + " waves before it. With --format json the outline is one JSON object: runId, target,"
          + " baseCommit, foundation (ids), waves (lists of ids), tasks (id, title, foundation,"
          + " needs, wave; wave is -1 for a foundation task) and matrix ({\"include\":"
          + " [{\"task\": id}, ...]} for every task after the foundation).",
      ""
    })
final class OutlineCommand implements Callable<Integer> {

  enum Format {
    TEXT,
    JSON
  }

  @Spec CommandSpec spec;

  @ParentCommand ParallelAgentsCommand parent;

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "PLAN", description = "The plan file, e.g. agents-plan.yaml.")
  Path planFile;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where to write start.json, for the run's later jobs.")
  Path out;

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description =
          "The run's id, which names its branches agents/<ID>/<task>: lower-case letters,"
              + " digits, '.', '_' and '-'. Default: a new id from the time.")
  String runId;

  @Option(
      names = "--pull-request",
      paramLabel = "NUMBER",
      description =
          "The run is for this pull (merge) request: it starts from the checked-out commit and"
              + " publishes to agents/pr-NUMBER, never to the plan's target. Empty: not for a"
              + " request, so that a workflow can always pass its CI's variable.")
  String pullRequest;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "Any folder inside the git checkout. Default: the current directory.")
  Path repository;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
  Format format = Format.TEXT;

  @Override
  public Integer call() throws CliFailure, IOException {
    Host host = parent.host();
    Path planPath = DistributedNode.resolve(host, planFile);
    Plan plan = new PlanFiles().load(planPath);
    String id = runId == null ? RunIds.next(Instant.now()) : runId;
    if (!RunIds.isValid(id)) {
      throw new CliFailure(
          ExitCodes.USAGE,
          "--run-id '"
              + id
              + "' cannot name branches: use lower-case letters, digits, '.', '_' and '-'");
    }
    // A CI passes its variable whatever the event: empty outside a request's pipeline.
    String request = pullRequest == null || pullRequest.isBlank() ? null : pullRequest.strip();
    Path folder = DistributedNode.resolve(host, repository == null ? Path.of("") : repository);
    RunStart start;
    Map<String, String> environment = GitEnvironment.forEngine(host.environment());
    try (LocalCommandRunner runner = new LocalCommandRunner(environment)) {
      start =
          RunStart.resolve(
              new Git(runner, environment), plan, folder, id, request, System.currentTimeMillis());
    } catch (EnvironmentException e) {
      throw DistributedFailures.environment(e);
    }
    String text = Files.readString(planPath, StandardCharsets.UTF_8);
    new StartFile(planFile.toString(), text, start).write(DistributedNode.resolve(host, out));
    PrintWriter stdout = spec.commandLine().getOut();
    Map<String, Object> outline = outline(plan, start);
    if (format == Format.JSON) {
      stdout.println(json(outline));
    } else {
      print(plan, start, stdout);
    }
    stdout.flush();
    return ExitCodes.OK;
  }

  /** What a CI's matrix or pipeline generator reads. */
  static Map<String, Object> outline(Plan plan, RunStart start) {
    List<List<String>> waves = PlanOutline.waves(plan);
    Map<String, Object> outline = new LinkedHashMap<>();
    outline.put("runId", start.runId());
    outline.put("target", start.target());
    outline.put("baseCommit", start.baseCommit());
    outline.put("foundation", plan.foundationTasks().stream().map(Task::id).toList());
    outline.put("waves", waves);
    List<Map<String, Object>> tasks = new ArrayList<>();
    List<Map<String, Object>> include = new ArrayList<>();
    for (Task task : plan.foundationTasks()) {
      tasks.add(task(task, -1));
    }
    for (int wave = 0; wave < waves.size(); wave++) {
      for (String id : waves.get(wave)) {
        tasks.add(task(plan.task(id).orElseThrow(), wave));
        include.add(Map.of("task", id));
      }
    }
    outline.put("tasks", tasks);
    outline.put("matrix", Map.of("include", include));
    return outline;
  }

  private static Map<String, Object> task(Task task, int wave) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", task.id());
    map.put("title", task.title());
    map.put("foundation", task.foundation());
    map.put("needs", task.needs());
    map.put("wave", wave);
    return map;
  }

  private void print(Plan plan, RunStart start, PrintWriter stdout) {
    stdout.println(
        "Run "
            + start.runId()
            + " of '"
            + plan.name()
            + "' from "
            + start.baseCommit().substring(0, 12)
            + " to "
            + start.target());
    List<String> foundation = plan.foundationTasks().stream().map(Task::id).toList();
    if (!foundation.isEmpty()) {
      stdout.println("  foundation, one after another: " + String.join(", ", foundation));
    }
    List<List<String>> waves = PlanOutline.waves(plan);
    for (int wave = 0; wave < waves.size(); wave++) {
      stdout.println(
          "  wave " + (wave + 1) + ", in parallel: " + String.join(", ", waves.get(wave)));
    }
    stdout.println(
        "Start written to " + DistributedNode.resolve(parent.host(), out).resolve(StartFile.NAME));
  }

  private static String json(Map<String, Object> outline) throws JsonProcessingException {
    // One line: a CI reads it from a step's output variable.
    return ReportJson.newMapper()
        .disable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(outline);
  }
}
