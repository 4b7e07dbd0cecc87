package io.jenkins.plugins.parallelagents.regenerate;

import io.jenkins.plugins.parallelagents.process.CommandRequest;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the commands that regenerate files: in the combined tree, with the run's command environment
 * and a timeout, their output appended to the merge log and streamed line by line.
 */
final class RegenerationCommands {

  private final CommandRunner runner;
  private final Map<String, String> environment;
  private final Duration timeout;
  private final Path log;
  private final Consumer<String> lines;

  RegenerationCommands(
      CommandRunner runner,
      Map<String, String> environment,
      Duration timeout,
      Path log,
      Consumer<String> lines) {
    Map<String, String> env = new HashMap<>(environment);
    // npm asks the registry whether a newer npm exists: no answer a merge needs.
    env.putIfAbsent("npm_config_update_notifier", "false");
    this.runner = runner;
    this.environment = Map.copyOf(env);
    this.timeout = timeout;
    this.log = log;
    this.lines = lines;
  }

  /** Runs {@code argv} in {@code directory}; {@code display} heads its output in the log. */
  CommandResult run(Path directory, List<String> argv, String display) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log, "$ " + display + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return runner.run(CommandRequest.logged(directory, argv, environment, timeout, log, lines));
  }

  /** What {@code argv} printed, for asking a program its version; {@code null} when it failed. */
  String output(Path directory, List<String> argv) {
    CommandResult result =
        runner.run(
            CommandRequest.captured(directory, argv)
                .withEnvironment(environment)
                .withTimeout(timeout));
    return result.ok() ? result.stdout().strip() : null;
  }

  /** One line on a command that did not succeed; a program missing is said so plainly. */
  static String failure(CommandResult result, String display) {
    if (result.failureToStart() != null
        && result.failureToStart().startsWith("command not found")) {
      return display.split(" ")[0] + " is not installed";
    }
    return result.describeFailure("'" + display + "'");
  }
}
