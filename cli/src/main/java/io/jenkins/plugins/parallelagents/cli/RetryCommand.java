package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.run.Continuation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retry RUN --task ID}: runs some tasks of a run again and keeps the rest. */
@Command(
    name = "retry",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run tasks of a run again, keep every other result, then merge, test and publish.",
      "",
      "The named tasks run again from the start, and so do the tasks that need them (and any"
          + " task that did not finish). Every other task keeps its work and its agent does not"
          + " run again.",
      ""
    })
final class RetryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand ParallelAgentsCommand parent;

  @Mixin CommonOptions common;

  @Mixin EarlierRunOptions options;

  @Parameters(paramLabel = "RUN", description = "The run's id ('latest' for the newest).")
  String runId;

  @Option(
      names = "--task",
      paramLabel = "ID",
      required = true,
      description = "A task to run again; repeat for several.")
  List<String> tasks;

  @Override
  public Integer call() throws CliFailure {
    return new EarlierRun(parent.host(), options, common.verbose)
        .run(
            runId,
            Continuation.retry(new LinkedHashSet<>(tasks)),
            spec.commandLine().getOut(),
            this::unknownTask);
  }

  private CliFailure unknownTask(Plan plan) {
    for (String id : tasks) {
      if (plan.task(id).isEmpty()) {
        return new CliFailure(
            ExitCodes.USAGE,
            List.of(
                "the plan has no task '" + id + "'",
                "its tasks: " + String.join(", ", plan.tasks().stream().map(Task::id).toList())),
            null);
      }
    }
    return null;
  }
}
