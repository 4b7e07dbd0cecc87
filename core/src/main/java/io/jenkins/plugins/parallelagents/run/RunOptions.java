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
 * @param runId the run's id, or {@code null} to make one from the time (to continue: the latest
 *     run)
 * @param planFile the plan's file, recorded so that a later {@code resume} can read it again, or
 *     {@code null}
 * @param continuation how to go on from the earlier run {@code runId}, or {@code null} for a new
 *     run
 */
public record RunOptions(
    Path repository,
    Integer jobs,
    Path stateRoot,
    Map<String, String> environment,
    String runId,
    Path planFile,
    Continuation continuation) {

  public RunOptions {
    Objects.requireNonNull(repository);
    environment = Map.copyOf(environment);
    if (jobs != null && jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1");
    }
  }

  public RunOptions(
      Path repository,
      Integer jobs,
      Path stateRoot,
      Map<String, String> environment,
      String runId) {
    this(repository, jobs, stateRoot, environment, runId, null, null);
  }

  public static RunOptions forRepository(Path repository, Map<String, String> environment) {
    return new RunOptions(repository, null, null, environment, null);
  }

  public RunOptions withJobs(Integer jobs) {
    return new RunOptions(repository, jobs, stateRoot, environment, runId, planFile, continuation);
  }

  public RunOptions withStateRoot(Path stateRoot) {
    return new RunOptions(repository, jobs, stateRoot, environment, runId, planFile, continuation);
  }

  public RunOptions withRunId(String runId) {
    return new RunOptions(repository, jobs, stateRoot, environment, runId, planFile, continuation);
  }

  public RunOptions withPlanFile(Path planFile) {
    return new RunOptions(repository, jobs, stateRoot, environment, runId, planFile, continuation);
  }

  /** Goes on from the earlier run {@code runId} instead of starting a new one. */
  public RunOptions continuing(String runId, Continuation continuation) {
    return new RunOptions(repository, jobs, stateRoot, environment, runId, planFile, continuation);
  }
}
