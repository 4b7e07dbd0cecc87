package io.jenkins.plugins.parallelagents.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How a host asks for a run.
 *
 * @param repository any folder inside the user's git checkout; it is never modified
 * @param jobs tasks running at once, overriding the plan's {@code maxParallel}, or {@code null}
 * @param stateRoot where run directories and worktrees go, or {@code null} for the default per
 *     repository under the user's cache folder
 * @param environment the environment every command (git, agents, tests) starts from
 * @param runId the run's id, or {@code null} to make one from the time
 */
public record RunOptions(
    Path repository, Integer jobs, Path stateRoot, Map<String, String> environment, String runId) {

  public RunOptions {
    Objects.requireNonNull(repository);
    environment = Map.copyOf(environment);
    if (jobs != null && jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1");
    }
  }

  public static RunOptions forRepository(Path repository, Map<String, String> environment) {
    return new RunOptions(repository, null, null, environment, null);
  }

  public RunOptions withJobs(Integer jobs) {
    return new RunOptions(repository, jobs, stateRoot, environment, runId);
  }

  public RunOptions withStateRoot(Path stateRoot) {
    return new RunOptions(repository, jobs, stateRoot, environment, runId);
  }

  public RunOptions withRunId(String runId) {
    return new RunOptions(repository, jobs, stateRoot, environment, runId);
  }
}
