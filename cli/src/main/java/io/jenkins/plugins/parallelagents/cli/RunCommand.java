package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.run.RunOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code run PLAN}: runs a plan in the git repository around the current directory. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run a plan: foundation, parallel tasks, merge, test, publish.",
      "",
      "Runs the foundation tasks one after another, then the other tasks in parallel, each in its"
          + " own repository on branch agents/<run-id>/<task>; then merges the task branches, runs"
          + " the plan's test command and publishes the target branch. Your checkout and its"
          + " current branch are never modified. On a terminal a live table shows the tasks and"
          + " the step each running one is in (setup, agent, commit, verify, collect); otherwise"
          + " one line per event. Ctrl-C cancels the run, still writes the report and"
          + " exits with 130 (143 after SIGTERM).",
      ""
    })
final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand ParallelAgentsCommand parent;

  @Mixin CommonOptions common;

  @Mixin PublishOptions publishing;

  @Parameters(paramLabel = "PLAN", description = "The plan file, e.g. agents-plan.yaml.")
  Path planFile;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "Any folder inside the git checkout to run in. Default: the current directory.")
  Path repository;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description =
          "Agents running at once; each attempt of a task counts as one."
              + " Default: the plan's maxParallel.")
  Integer jobs;

  @Option(
      names = "--dry-run",
      description = "Print the schedule (order, branches, target) and run nothing.")
  boolean dryRun;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Where run directories and task repositories go."
              + " Default: a folder per repository in your cache directory.")
  Path stateDir;

  @Override
  public Integer call() throws CliFailure {
    if (jobs != null && jobs < 1) {
      throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, not " + jobs);
    }
    Plan plan = publishing.applyTo(new PlanFiles().load(planFile));
    if (dryRun) {
      new Schedule(plan, jobs).print(spec.commandLine().getOut());
      return ExitCodes.OK;
    }
    Host host = parent.host();
    RunOptions options =
        new RunOptions(
                repository == null ? host.workingDirectory() : absolute(repository),
                jobs,
                stateDir == null ? null : absolute(stateDir),
                host.environment(),
                null)
            .withPlanFile(absolute(planFile));
    RunReport report =
        new PlanRunner(
                spec.commandLine().getOut(),
                Terminal.detect(host.environment()),
                common.verbose,
                Clock.systemDefaultZone())
            .run(plan, options);
    return PlanRunner.exitCode(report);
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }
}
