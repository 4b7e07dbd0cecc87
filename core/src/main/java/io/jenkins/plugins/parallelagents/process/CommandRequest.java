package io.jenkins.plugins.parallelagents.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One command to run.
 *
 * @param argv program and arguments, executed as-is (no shell)
 * @param directory working directory
 * @param environment variables added to (or replacing) the runner's base environment
 * @param timeout how long it may run before its whole process tree is killed, or {@code null}
 * @param capture whether stdout and stderr are kept apart and returned (git), rather than merged
 *     into {@code log} and {@code lines} (agents, tests)
 * @param log file the merged output is appended to, or {@code null}
 * @param lines receives each merged output line as it comes, or {@code null}
 */
public record CommandRequest(
    List<String> argv,
    Path directory,
    Map<String, String> environment,
    Duration timeout,
    boolean capture,
    Path log,
    Consumer<String> lines) {

  public CommandRequest {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("a command needs a program");
    }
    Objects.requireNonNull(directory);
    environment = Map.copyOf(environment);
  }

  /** A command whose output is returned to the caller, as git's is. */
  public static CommandRequest captured(Path directory, List<String> argv) {
    return new CommandRequest(argv, directory, Map.of(), null, true, null, null);
  }

  /** A command whose output goes to a log file and, line by line, to {@code lines}. */
  public static CommandRequest logged(
      Path directory,
      List<String> argv,
      Map<String, String> environment,
      Duration timeout,
      Path log,
      Consumer<String> lines) {
    return new CommandRequest(argv, directory, environment, timeout, false, log, lines);
  }

  public CommandRequest withEnvironment(Map<String, String> environment) {
    return new CommandRequest(argv, directory, environment, timeout, capture, log, lines);
  }

  public CommandRequest withTimeout(Duration timeout) {
    return new CommandRequest(argv, directory, environment, timeout, capture, log, lines);
  }
}
