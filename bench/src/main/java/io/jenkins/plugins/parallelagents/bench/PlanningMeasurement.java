package io.jenkins.plugins.parallelagents.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How long the CLI takes to validate a large plan and to plan its schedule (a dry run). */
final class PlanningMeasurement {

  record Result(int tasks, long validateMs, long dryRunMs) {}

  private final Workspace workspace;
  private final EngineCli engine;

  PlanningMeasurement(Workspace workspace, EngineCli engine) {
    this.workspace = workspace;
    this.engine = engine;
  }

  Result measure(SyntheticRepository repository, Path agent, int tasks, int repetitions)
      throws IOException {
    // Chains of ten: deep enough that cycle search and ordering have real work to do.
    BenchPlan plan = BenchPlan.chains(Math.max(1, tasks / 10), 10, 0, 0, 0);
    Path planFile = workspace.dir("plans").resolve("planning-" + tasks + ".yaml");
    Files.writeString(planFile, plan.yaml(agent, 4));
    Path log = workspace.root().resolve("planning.log");
    List<Long> validate = new ArrayList<>();
    List<Long> dryRun = new ArrayList<>();
    for (int rep = 0; rep < repetitions; rep++) {
      validate.add(engine.measure(repository.dir(), log, "validate", planFile.toString()).wallMs());
      dryRun.add(
          engine
              .measure(
                  repository.dir(),
                  log,
                  "run",
                  planFile.toString(),
                  "--dry-run",
                  "--repo",
                  repository.dir().toString())
              .wallMs());
    }
    return new Result(plan.fanOutIds().size(), Stats.median(validate), Stats.median(dryRun));
  }
}
