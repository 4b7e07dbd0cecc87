package io.jenkins.plugins.parallelagents.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The engine's CLI against the baseline script on the same fan-out plan and repository, A/B
 * alternated (who goes first swaps every repetition), the median of each kept.
 */
final class OverheadMeasurement {

  /** The medians for one plan size, and the engine report of its median run. */
  record Result(
      int tasks,
      long engineMs,
      long baselineMs,
      double ratio,
      long peakRssKb,
      long engineMakespanMs,
      JsonNode medianReport) {

    /** What the engine adds per task, over the same git work by hand. */
    long perTaskOverheadMs() {
      return (engineMs - baselineMs) / tasks;
    }
  }

  private final Workspace workspace;
  private final EngineCli engine;
  private final Baseline baseline;
  private final SyntheticRepository repository;
  private final Path agent;
  private final int jobs;
  private final BenchLog log;

  OverheadMeasurement(
      Workspace workspace,
      EngineCli engine,
      Baseline baseline,
      SyntheticRepository repository,
      Path agent,
      int jobs,
      BenchLog log) {
    this.workspace = workspace;
    this.engine = engine;
    this.baseline = baseline;
    this.repository = repository;
    this.agent = agent;
    this.jobs = jobs;
    this.log = log;
  }

  /** One untimed run of each, so that the first measured run does not pay for a cold cache. */
  void warmUp(int tasks) throws IOException {
    BenchPlan plan = BenchPlan.fanOut(tasks);
    Path planFile = writePlan(plan);
    runBaseline(plan);
    runEngine(planFile);
  }

  Result measure(int tasks, int repetitions) throws IOException {
    BenchPlan plan = BenchPlan.fanOut(tasks);
    Path planFile = writePlan(plan);
    List<Long> baselineMs = new ArrayList<>();
    List<EngineCli.Run> engineRuns = new ArrayList<>();
    for (int rep = 0; rep < repetitions; rep++) {
      if (rep % 2 == 0) {
        engineRuns.add(runEngine(planFile));
        baselineMs.add(runBaseline(plan).wallMs());
      } else {
        baselineMs.add(runBaseline(plan).wallMs());
        engineRuns.add(runEngine(planFile));
      }
      log.line(
          "  N=%d rep %d: engine %d ms, baseline %d ms",
          tasks, rep + 1, engineRuns.get(rep).measured().wallMs(), baselineMs.get(rep));
    }
    List<EngineCli.Run> sorted =
        engineRuns.stream().sorted(Comparator.comparingLong(r -> r.measured().wallMs())).toList();
    EngineCli.Run median = sorted.get((sorted.size() - 1) / 2);
    // Each pair ran back to back, under the same load: the median of their ratios is steadier on
    // a busy machine than the ratio of the two medians.
    List<Double> ratios = new ArrayList<>();
    for (int rep = 0; rep < repetitions; rep++) {
      ratios.add((double) engineRuns.get(rep).measured().wallMs() / baselineMs.get(rep));
    }
    return new Result(
        tasks,
        Stats.median(engineRuns.stream().map(r -> r.measured().wallMs()).toList()),
        Stats.median(baselineMs),
        Stats.medianOf(ratios),
        Stats.median(engineRuns.stream().map(r -> r.measured().peakRssKb()).toList()),
        median.report().path("timing").path("makespanMs").asLong(),
        median.report());
  }

  private Path writePlan(BenchPlan plan) throws IOException {
    Path file = workspace.dir("plans").resolve("fan-out-" + plan.fanOutIds().size() + ".yaml");
    Files.writeString(file, plan.yaml(agent, jobs));
    return file;
  }

  private EngineCli.Run runEngine(Path planFile) throws IOException {
    Path state = workspace.scratch();
    try {
      return engine.run(
          planFile, repository.dir(), state, jobs, workspace.root().resolve("engine.log"));
    } finally {
      cleanUp();
    }
  }

  private Measured runBaseline(BenchPlan plan) throws IOException {
    Path work = workspace.scratch();
    try {
      return baseline.run(
          plan, agent, repository.dir(), work, jobs, workspace.root().resolve("baseline.log"));
    } finally {
      cleanUp();
    }
  }

  private void cleanUp() throws IOException {
    workspace.clearScratch();
    repository.reset();
  }
}
