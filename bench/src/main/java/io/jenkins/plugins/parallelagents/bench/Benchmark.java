package io.jenkins.plugins.parallelagents.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The whole benchmark: generates its inputs, takes every measurement, returns the tables. */
final class Benchmark {

  private final BenchOptions options;
  private final BenchLog log;

  Benchmark(BenchOptions options, BenchLog log) {
    this.options = options;
    this.log = log;
  }

  List<Table> run() throws IOException {
    List<Table> tables = new ArrayList<>();
    tables.add(Machine.describe());
    try (Workspace workspace = new Workspace(options.tmp())) {
      EngineCli engine = new EngineCli(options.cli(), workspace.processes());
      if (options.measures("overhead")) {
        List<OverheadMeasurement.Result> results = overhead(workspace, engine);
        tables.add(overheadTable(results));
        tables.add(phaseTable(results));
        tables.add(scaleTable(results));
      }
      if (options.measures("trees")) {
        tables.add(treeTable(trees(workspace)));
      }
      if (options.measures("planning") || options.measures("scheduling")) {
        log.line("a repository of %d files", options.schedulingFiles());
        SyntheticRepository small =
            SyntheticRepository.create(
                workspace.dir("repo-" + options.schedulingFiles()),
                options.schedulingFiles(),
                workspace.processes());
        Path agent =
            AgentScript.write(
                workspace.dir("agent-" + options.schedulingFiles()), options.schedulingFiles());
        if (options.measures("planning")) {
          log.line("planning a %d-task plan", options.planTasks());
          tables.add(
              planningTable(
                  new PlanningMeasurement(workspace, engine)
                      .measure(small, agent, options.planTasks(), options.repetitions())));
        }
        if (options.measures("scheduling")) {
          log.line("scheduling");
          BenchPlan chains =
              BenchPlan.chains(
                  options.chains(),
                  options.chainLength(),
                  options.shortestAgentMs(),
                  options.shortestAgentMs(),
                  options.longestAgentMs());
          SchedulingMeasurement.Result scheduling =
              new SchedulingMeasurement(workspace, engine, log)
                  .measure(small, agent, chains, options.repetitions());
          tables.add(schedulingTable(scheduling));
          tables.add(schedulingPhases(scheduling));
        }
      }
    }
    return tables;
  }

  private TreeMeasurement.Result trees(Workspace workspace) throws IOException {
    log.line("task trees: a repository of %d files", options.files());
    SyntheticRepository repository =
        SyntheticRepository.create(
            workspace.dir("trees-repo-" + options.files()), options.files(), workspace.processes());
    return new TreeMeasurement(workspace)
        .measure(repository, Math.max(3, options.repetitions() * 3));
  }

  private Table treeTable(TreeMeasurement.Result r) {
    return new Table(
            "A task's own repository against a worktree: per task, "
                + options.files()
                + " files, median of "
                + r.pairs()
                + " pairs",
            List.of("worktree (ms)", "task repository (ms)", "ratio", "goal"))
        .row(r.worktreeMs(), r.repositoryMs(), String.format("%.2f", r.ratio()), "≤ 1.20");
  }

  private List<OverheadMeasurement.Result> overhead(Workspace workspace, EngineCli engine)
      throws IOException {
    log.line("a repository of %d files", options.files());
    SyntheticRepository repository =
        SyntheticRepository.create(
            workspace.dir("repo-" + options.files()), options.files(), workspace.processes());
    Path agent = AgentScript.write(workspace.dir("agent-" + options.files()), options.files());
    OverheadMeasurement overhead =
        new OverheadMeasurement(
            workspace,
            engine,
            new Baseline(options.baselineScript(), workspace.processes()),
            repository,
            agent,
            options.jobs(),
            log);
    log.line("warming up");
    overhead.warmUp(options.taskCounts().get(0));
    List<OverheadMeasurement.Result> results = new ArrayList<>();
    for (int n : options.taskCounts()) {
      log.line("overhead, N = %d", n);
      results.add(overhead.measure(n, options.repetitionsFor(n)));
    }
    return results;
  }

  private Table overheadTable(List<OverheadMeasurement.Result> results) {
    Table table =
        new Table(
            "Overhead ratio: engine CLI / baseline script (medians; the ratio is the median of the"
                + " pairs' ratios), fan-out plan, "
                + options.files()
                + " files, "
                + options.jobs()
                + " jobs",
            List.of("N", "pairs", "engine (ms)", "baseline (ms)", "ratio", "goal"));
    for (OverheadMeasurement.Result r : results) {
      table.row(
          r.tasks(),
          options.repetitionsFor(r.tasks()),
          r.engineMs(),
          r.baselineMs(),
          String.format(Locale.ROOT, "%.2f", r.ratio()),
          r.tasks() == 20 ? "≤ 1.15" : "");
    }
    return table;
  }

  /** The engine's own timing of its median run per size; the rest is the JVM and the CLI. */
  private Table phaseTable(List<OverheadMeasurement.Result> results) {
    Set<String> phases = new LinkedHashSet<>();
    Set<String> taskSteps = new LinkedHashSet<>();
    for (OverheadMeasurement.Result r : results) {
      r.medianReport().path("timing").path("phasesMs").fieldNames().forEachRemaining(phases::add);
      r.medianReport()
          .path("timing")
          .path("taskStepsMs")
          .fieldNames()
          .forEachRemaining(taskSteps::add);
    }
    List<String> columns = new ArrayList<>(List.of("N", "outside the engine (JVM, CLI)"));
    phases.forEach(p -> columns.add(p));
    taskSteps.forEach(s -> columns.add("Σ " + s));
    Table table =
        new Table(
            "Where the time goes: phases of the engine's median run (ms, wall; Σ = summed over"
                + " tasks running in parallel)",
            columns);
    for (OverheadMeasurement.Result r : results) {
      JsonNode timing = r.medianReport().path("timing");
      List<Object> row = new ArrayList<>();
      row.add(r.tasks());
      row.add(r.engineMs() - r.engineMakespanMs());
      phases.forEach(p -> row.add(timing.path("phasesMs").path(p).asLong()));
      taskSteps.forEach(s -> row.add(timing.path("taskStepsMs").path(s).asLong()));
      table.row(row.toArray());
    }
    return table;
  }

  private Table scaleTable(List<OverheadMeasurement.Result> results) {
    Table table =
        new Table(
            "Scale: per-task overhead and the JVM's peak memory",
            List.of("N", "(engine − baseline) / N (ms)", "peak RSS (MB)", "goal"));
    for (OverheadMeasurement.Result r : results) {
      table.row(
          r.tasks(),
          r.perTaskOverheadMs(),
          r.peakRssKb() < 0 ? "n/a" : r.peakRssKb() / 1024,
          r.tasks() == 50 ? "flat; ≤ 256 MB" : "flat");
    }
    return table;
  }

  private Table planningTable(PlanningMeasurement.Result r) {
    return new Table(
            "Validating and planning a large plan (CLI process, median of "
                + options.repetitions()
                + ")",
            List.of("tasks", "validate (ms)", "run --dry-run (ms)"))
        .row(r.tasks(), r.validateMs(), r.dryRunMs());
  }

  /** Where the scheduling plan's time beyond the agents went, in its last run. */
  private Table schedulingPhases(SchedulingMeasurement.Result r) {
    JsonNode timing = r.lastReport().path("timing");
    List<String> columns = new ArrayList<>(List.of("outside the engine (JVM, CLI)"));
    List<Object> row = new ArrayList<>();
    row.add(r.wallMs() - r.engineMakespanMs());
    timing
        .path("phasesMs")
        .fields()
        .forEachRemaining(
            e -> {
              columns.add(e.getKey());
              row.add(e.getValue().asLong());
            });
    timing
        .path("taskStepsMs")
        .fields()
        .forEachRemaining(
            e -> {
              columns.add("Σ " + e.getKey());
              row.add(e.getValue().asLong());
            });
    return new Table(
            "Scheduling: phases of the last run (ms, wall; Σ = summed over tasks; outside the"
                + " engine: the median's)",
            columns)
        .row(row.toArray());
  }

  private Table schedulingTable(SchedulingMeasurement.Result r) {
    return new Table(
            "Scheduling: "
                + options.chains()
                + " chains of "
                + options.chainLength()
                + " tasks, agents of "
                + seconds(options.longestAgentMs())
                + " s and "
                + seconds(options.shortestAgentMs())
                + " s alternating, "
                + options.schedulingFiles()
                + " files (median of "
                + options.repetitions()
                + ")",
            List.of(
                "tasks",
                "critical path (ms)",
                "wave schedule (ms)",
                "engine makespan (ms)",
                "CLI wall (ms)",
                "makespan − critical path (ms)",
                "wall − critical path (ms)",
                "goal"))
        .row(
            r.tasks(),
            r.criticalPathMs(),
            r.waveScheduleMs(),
            r.engineMakespanMs(),
            r.wallMs(),
            r.makespanGapMs(),
            r.wallGapMs(),
            "≤ 1000, below the wave schedule");
  }

  private static String seconds(long ms) {
    return ms % 1000 == 0
        ? Long.toString(ms / 1000)
        : String.format(Locale.ROOT, "%.1f", ms / 1000.0);
  }
}
