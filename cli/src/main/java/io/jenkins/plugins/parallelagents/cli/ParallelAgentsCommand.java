package io.jenkins.plugins.parallelagents.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command: only routes to a subcommand. */
@Command(
    name = "parallel-agents",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run a plan of coding-agent tasks: the foundation first, then the other tasks in parallel,"
          + " each in its own git repository and branch; then merge them, run the tests and"
          + " publish one combined branch.",
      ""
    },
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      ValidateCommand.class,
      GraphCommand.class,
      RunCommand.class,
      RunsCommand.class,
      ShowCommand.class,
      ResumeCommand.class,
      RetryCommand.class,
      MergeCommand.class,
      CleanCommand.class,
      RestoreCommand.class,
      OutlineCommand.class,
      TaskCommand.class,
      FinishCommand.class,
      DemoCommand.class,
      DoctorCommand.class
    })
final class ParallelAgentsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private final Host host;

  ParallelAgentsCommand(Host host) {
    this.host = host;
  }

  Host host() {
    return host;
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "Missing a command: " + String.join(", ", spec.subcommands().keySet()));
  }
}
