package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.lifecycle.RunEntry;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.run.Continuation;
import io.jenkins.plugins.parallelagents.run.RunLookup;
import io.jenkins.plugins.parallelagents.run.RunOptions;
import io.jenkins.plugins.parallelagents.run.TaskDefinitions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/** Goes on from an earlier run for resume, retry and merge: finds it, reads its plan, runs. */
final class EarlierRun {

  private final Host host;
  private final EarlierRunOptions options;
  private final boolean verbose;

  EarlierRun(Host host, EarlierRunOptions options, boolean verbose) {
    this.host = host;
    this.options = options;
    this.verbose = verbose;
  }

  /**
   * @param runId the run, or {@code null} for the newest
   * @param check looks at the plan before anything runs: a usage problem (a task the plan does not
   *     have, say) as a failure, or {@code null}
   */
  int run(
      String runId, Continuation continuation, PrintWriter out, Function<Plan, CliFailure> check)
      throws CliFailure {
    Path repository = options.state.repository(host);
    Path stateDir = options.state.stateDir();
    RunEntry earlier;
    try {
      earlier = RunLookup.find(options.state.stateRoot(host), runId);
    } catch (EnvironmentException e) {
      throw new CliFailure(ExitCodes.ENVIRONMENT, lines(e), e);
    }
    Path planFile = planFile(earlier);
    Plan plan = options.publishing.applyTo(new PlanFiles().load(planFile));
    CliFailure problem = check.apply(plan);
    if (problem != null) {
      throw problem;
    }
    if (options.jobs != null && options.jobs < 1) {
      throw new CliFailure(ExitCodes.USAGE, "--jobs must be at least 1, not " + options.jobs);
    }
    RunOptions run =
        new RunOptions(repository, options.jobs, stateDir, host.environment(), null)
            .withPlanFile(planFile)
            .continuing(earlier.id(), continuation);
    RunReport report =
        new PlanRunner(out, Terminal.detect(host.environment()), verbose, Clock.systemDefaultZone())
            .run(plan, run);
    return PlanRunner.exitCode(report);
  }

  /** The plan file given, else the one the run recorded. */
  private Path planFile(RunEntry earlier) throws CliFailure {
    if (options.planFile != null) {
      return absolute(options.planFile);
    }
    String recorded =
        TaskDefinitions.read(earlier.folder()).map(TaskDefinitions::planFile).orElse(null);
    if (recorded == null || !Files.isRegularFile(Path.of(recorded))) {
      throw new CliFailure(
          ExitCodes.USAGE,
          List.of(
              "run '"
                  + earlier.id()
                  + "' "
                  + (recorded == null
                      ? "recorded no plan file"
                      : "was started with " + recorded + ", which is gone"),
              "give the plan with --plan FILE"),
          null);
    }
    return Path.of(recorded);
  }

  private static List<String> lines(EnvironmentException e) {
    return e.fix() == null || e.fix().isBlank()
        ? List.of(e.getMessage())
        : List.of(e.getMessage(), e.fix());
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }
}
