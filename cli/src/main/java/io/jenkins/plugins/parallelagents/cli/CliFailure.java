package io.jenkins.plugins.parallelagents.cli;

import java.util.List;

/**
 * An expected way for a command to fail: the lines to show the user and the exit code. Commands
 * throw it; {@link FailureHandler} prints it, so that every command words its errors the same way.
 */
final class CliFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final List<String> lines;

  CliFailure(int exitCode, List<String> lines, Throwable cause) {
    super(String.join("\n", lines), cause);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a failure says at least one line");
    }
    this.exitCode = exitCode;
    this.lines = List.copyOf(lines);
  }

  CliFailure(int exitCode, String line) {
    this(exitCode, List.of(line), null);
  }

  int exitCode() {
    return exitCode;
  }

  List<String> lines() {
    return lines;
  }
}
