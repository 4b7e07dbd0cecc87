package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.distributed.HandoffException;
import io.jenkins.plugins.parallelagents.distributed.NodeRun;
import io.jenkins.plugins.parallelagents.distributed.StartFile;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitEnvironment;
import io.jenkins.plugins.parallelagents.lifecycle.StateRoot;
import io.jenkins.plugins.parallelagents.plan.InvalidPlanException;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import io.jenkins.plugins.parallelagents.plan.PlanProblem;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One CI job's part of a distributed run ({@code task}, {@code finish}): the job's own clone, the
 * run's start as the outline job wrote it, and where this job's trees go. The run's folder is
 * {@code .parallel-agents/} in the clone, as in a Jenkins workspace; the trees and the dependency
 * cache go to the state folder, outside the clone.
 */
final class DistributedNode implements AutoCloseable {

  private final LocalCommandRunner runner;
  private final Map<String, String> environment;
  private final NodeRun run;

  private DistributedNode(LocalCommandRunner runner, Map<String, String> environment, NodeRun run) {
    this.runner = runner;
    this.environment = environment;
    this.run = run;
  }

  /**
   * @param repository any folder of the clone, or {@code null} for the working directory
   * @param startFolder the folder holding {@code start.json}
   * @param stateDir where trees go, or {@code null} for the repository's default
   */
  static DistributedNode open(Host host, Path repository, Path startFolder, Path stateDir)
      throws CliFailure {
    StartFile start = readStart(resolve(host, startFolder));
    Plan plan = parse(start);
    Map<String, String> environment = GitEnvironment.forEngine(host.environment());
    LocalCommandRunner runner = new LocalCommandRunner(environment);
    Path folder = repository == null ? host.workingDirectory() : resolve(host, repository);
    Path top = new Git(runner, Map.of()).topLevel(folder).orElse(null);
    if (top == null) {
      runner.close();
      throw new CliFailure(
          ExitCodes.ENVIRONMENT,
          folder + " is not in a git repository; run in a clone of the repository or give --repo");
    }
    Path scratch =
        stateDir == null
            ? StateRoot.defaultFor(top, host.environment()).root().resolve("distributed")
            : resolve(host, stateDir);
    return new DistributedNode(
        runner, environment, new NodeRun(plan, start.start(), top, top, scratch));
  }

  NodeRun run() {
    return run;
  }

  LocalCommandRunner runner() {
    return runner;
  }

  Map<String, String> environment() {
    return environment;
  }

  @Override
  public void close() {
    runner.close();
  }

  private static StartFile readStart(Path folder) throws CliFailure {
    try {
      return StartFile.read(folder);
    } catch (HandoffException e) {
      throw new CliFailure(ExitCodes.USAGE, e.getMessage());
    }
  }

  /** The plan as the outline read it; the command line needs an agent for every task. */
  private static Plan parse(StartFile start) throws CliFailure {
    try {
      return PlanParser.requiringAgents().parse(start.planText(), start.planFile());
    } catch (InvalidPlanException e) {
      List<String> lines = e.problems().stream().map(PlanProblem::toString).toList();
      throw new CliFailure(ExitCodes.USAGE, lines, e);
    }
  }

  /** A path given on the command line, relative to the directory the command runs in. */
  static Path resolve(Host host, Path path) {
    return host.workingDirectory().resolve(path).toAbsolutePath().normalize();
  }
}
