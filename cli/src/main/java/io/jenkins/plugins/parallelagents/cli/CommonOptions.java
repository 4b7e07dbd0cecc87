package io.jenkins.plugins.parallelagents.cli;

import picocli.CommandLine.Option;

/** Options every command accepts. */
final class CommonOptions {

  static final String STACKTRACE = "--stacktrace";

  @Option(names = STACKTRACE, description = "Show the stack trace of an error, for a bug report.")
  boolean stacktrace;

  @Option(
      names = "--verbose",
      description =
          "Say more: for a run, stream every agent's output, prefixed by its task id, and"
              + " (without a live table) a line for each step a task starts.")
  boolean verbose;
}
