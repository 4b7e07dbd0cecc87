package io.jenkins.plugins.parallelagents.cli;

import picocli.CommandLine;

/** The {@code parallel-agents} process: the only place that exits the JVM. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine(Host.current()).execute(args));
  }

  /** The command line exactly as the process runs it; tests and the docs generator use it too. */
  static CommandLine commandLine(Host host) {
    CommandLine commandLine = new CommandLine(new ParallelAgentsCommand(host));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(new ShortErrorHandler());
    commandLine.setExecutionExceptionHandler(new FailureHandler());
    listExitCodes(commandLine);
    return commandLine;
  }

  /** Every command's help ends with the exit codes, so scripts can rely on them. */
  private static void listExitCodes(CommandLine commandLine) {
    commandLine
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCodes.descriptions());
    commandLine.getSubcommands().values().forEach(Main::listExitCodes);
  }
}
