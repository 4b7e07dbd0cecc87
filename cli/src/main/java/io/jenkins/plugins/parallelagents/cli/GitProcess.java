package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.process.CommandRequest;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The few git commands the demo runs itself to set up its repositories (the run's own git work is
 * the engine's), through core's command runner so they get its timeout and process handling.
 */
final class GitProcess {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final LocalCommandRunner runner;

  GitProcess(Map<String, String> environment) {
    this.runner = new LocalCommandRunner(environment);
  }

  /** Runs git in {@code directory}; any exit code is an answer, a git that cannot start is not. */
  CommandResult run(Path directory, List<String> args) throws CliFailure {
    List<String> argv = new ArrayList<>();
    argv.add("git");
    argv.addAll(args);
    CommandResult result =
        runner.run(
            CommandRequest.captured(directory, argv)
                .withEnvironment(Map.of("GIT_TERMINAL_PROMPT", "0"))
                .withTimeout(TIMEOUT));
    if (result.failureToStart() != null || result.timedOut()) {
      throw new CliFailure(ExitCodes.ENVIRONMENT, result.describeFailure(String.join(" ", argv)));
    }
    return result;
  }

  /** Runs git in {@code directory} and returns its output; a non-zero exit is a failure. */
  String require(Path directory, String... args) throws CliFailure {
    CommandResult result = run(directory, List.of(args));
    if (!result.ok()) {
      throw new CliFailure(
          ExitCodes.ENVIRONMENT,
          "git "
              + String.join(" ", args)
              + " failed (exit "
              + result.exitCode()
              + "): "
              + result.stderr().strip());
    }
    return result.stdout().strip();
  }
}
