package io.jenkins.plugins.parallelagents.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A chain-heavy plan with uneven agent durations: how far the engine's makespan is from the
 * critical path (the floor for any schedule), next to what a wave-by-wave schedule would take.
 */
final class SchedulingMeasurement {

  /** Medians over the repetitions; the plan's own yardsticks. */
  record Result(
      int tasks,
      long criticalPathMs,
      long waveScheduleMs,
      long engineMakespanMs,
      long wallMs,
      JsonNode lastReport) {

    /** What the user waits beyond the critical path: the whole CLI process. */
    long wallGapMs() {
      return wallMs - criticalPathMs;
    }

    /** The same inside the engine, from its start to its report (no JVM start-up). */
    long makespanGapMs() {
      return engineMakespanMs - criticalPathMs;
    }
  }

  private final Workspace workspace;
  private final EngineCli engine;
  private final BenchLog log;

  SchedulingMeasurement(Workspace workspace, EngineCli engine, BenchLog log) {
    this.workspace = workspace;
    this.engine = engine;
    this.log = log;
  }

  Result measure(SyntheticRepository repository, Path agent, BenchPlan plan, int repetitions)
      throws IOException {
    int tasks = plan.fanOutIds().size();
    Path planFile = workspace.dir("plans").resolve("chains-" + tasks + ".yaml");
    // Every task may run at once: the schedule, not a cap, decides when each starts.
    Files.writeString(planFile, plan.yaml(agent, tasks));
    List<Long> makespans = new ArrayList<>();
    List<Long> walls = new ArrayList<>();
    JsonNode last = null;
    for (int rep = 0; rep < repetitions; rep++) {
      Path state = workspace.scratch();
      try {
        EngineCli.Run run =
            engine.run(
                planFile,
                repository.dir(),
                state,
                tasks,
                workspace.root().resolve("scheduling.log"));
        makespans.add(run.report().path("timing").path("makespanMs").asLong());
        walls.add(run.measured().wallMs());
        last = run.report();
        log.line(
            "  scheduling rep %d: wall %d ms, makespan %d ms, critical path %d ms",
            rep + 1, run.measured().wallMs(), makespans.get(rep), plan.criticalPathMs());
      } finally {
        workspace.clearScratch();
        repository.reset();
      }
    }
    return new Result(
        tasks,
        plan.criticalPathMs(),
        plan.waveScheduleMs(),
        Stats.median(makespans),
        Stats.median(walls),
        last);
  }
}
