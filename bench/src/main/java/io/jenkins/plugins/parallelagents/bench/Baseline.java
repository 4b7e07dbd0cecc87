package io.jenkins.plugins.parallelagents.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The floor: {@code bench/baseline.sh}, the same git work as the engine's run, by hand. */
final class Baseline {

  private final Path script;
  private final Processes processes;

  Baseline(Path script, Processes processes) {
    this.script = script;
    this.processes = processes;
  }

  Measured run(BenchPlan plan, Path agent, Path repository, Path work, int jobs, Path log)
      throws IOException {
    List<String> argv =
        new ArrayList<>(
            List.of(
                "bash",
                script.toString(),
                repository.toString(),
                work.toString(),
                Integer.toString(jobs),
                "bash " + agent,
                BenchPlan.FOUNDATION));
    argv.addAll(plan.fanOutIds());
    Measured measured = processes.timed(repository, argv, log);
    if (measured.exitCode() != 0) {
      throw new IOException("the baseline failed (exit " + measured.exitCode() + "); see " + log);
    }
    return measured;
  }
}
