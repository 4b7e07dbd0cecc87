package io.jenkins.plugins.parallelagents.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Answers a usage error with the problem in one line and where to read more, instead of the whole
 * usage help: the help would push the one line that matters off the screen.
 */
final class ShortErrorHandler implements IParameterExceptionHandler {

  private static final int MAX_SUGGESTIONS = 3;

  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println(exception.getMessage() + suggestions(exception));
    err.println("see '" + commandLine.getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return ExitCodes.USAGE;
  }

  private static String suggestions(ParameterException exception) {
    if (!(exception instanceof UnmatchedArgumentException unmatched)) {
      return "";
    }
    List<String> suggestions = unmatched.getSuggestions();
    if (suggestions.isEmpty()) {
      return "";
    }
    List<String> shown = suggestions.subList(0, Math.min(MAX_SUGGESTIONS, suggestions.size()));
    return " (did you mean " + String.join(" or ", shown) + "?)";
  }
}
