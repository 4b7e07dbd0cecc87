package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.run.Continuation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code resume [RUN]}: goes on with a run that was interrupted or cancelled. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Go on with a run that was interrupted (killed, rebooted) or cancelled.",
      "",
      "Tasks that finished keep their work: their agents do not run again. Tasks that did not"
          + " finish start again, and so do tasks whose definition changed in the plan file since"
          + " the run (and the tasks that need them). Then the run merges, tests and publishes as"
          + " usual, in the same run folder and branches. A failed task stays failed: use retry"
          + " for it.",
      ""
    })
final class ResumeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand ParallelAgentsCommand parent;

  @Mixin CommonOptions common;

  @Mixin EarlierRunOptions options;

  @Parameters(
      paramLabel = "RUN",
      arity = "0..1",
      description = "The run's id, as 'parallel-agents runs' lists it. Default: the latest run.")
  String runId;

  @Override
  public Integer call() throws CliFailure {
    return new EarlierRun(parent.host(), options, common.verbose)
        .run(runId, Continuation.resume(), spec.commandLine().getOut(), plan -> null);
  }
}
