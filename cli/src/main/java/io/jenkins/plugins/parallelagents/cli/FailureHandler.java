package io.jenkins.plugins.parallelagents.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command threw into words on stderr and an exit code. A {@link CliFailure} is an
 * expected outcome and prints as given; anything else is a bug, shown in one line unless {@code
 * --stacktrace} asks for the trace.
 */
final class FailureHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    boolean stacktrace = stacktraceRequested(parseResult);
    int exitCode;
    if (exception instanceof CliFailure failure) {
      failure.lines().forEach(err::println);
      if (stacktrace && failure.getCause() != null) {
        failure.getCause().printStackTrace(err);
      }
      exitCode = failure.exitCode();
    } else {
      err.println(
          commandLine.getCommandSpec().qualifiedName() + ": unexpected error: " + exception);
      if (stacktrace) {
        exception.printStackTrace(err);
      } else {
        err.println("run again with " + CommonOptions.STACKTRACE + " to see where it happened");
      }
      exitCode = ExitCodes.RUN_FAILED;
    }
    err.flush();
    return exitCode;
  }

  /** The option may be given to the subcommand that failed or to any command above it. */
  private static boolean stacktraceRequested(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption(CommonOptions.STACKTRACE)) {
        return true;
      }
    }
    return false;
  }
}
