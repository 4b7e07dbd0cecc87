package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.run.Continuation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code merge RUN}: merges, tests and publishes a run's task branches as they are now. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Merge, test and publish a run's task branches again, as they are now.",
      "",
      "No agent runs. A task branch you changed since the run (a conflict fixed by hand, say) is"
          + " merged as it is now; a failed task whose branch you gave a new commit counts as"
          + " done. A changed branch must still descend from the run's base and pass the plan's"
          + " guard, as an agent's work does.",
      ""
    })
final class MergeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand ParallelAgentsCommand parent;

  @Mixin CommonOptions common;

  @Mixin EarlierRunOptions options;

  @Parameters(paramLabel = "RUN", description = "The run's id ('latest' for the newest).")
  String runId;

  @Override
  public Integer call() throws CliFailure {
    return new EarlierRun(parent.host(), options, common.verbose)
        .run(runId, Continuation.merge(), spec.commandLine().getOut(), plan -> null);
  }
}
