package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.lifecycle.StateRoot;
import io.jenkins.plugins.parallelagents.run.RunLookup;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the runs of a repository are, for the commands that look at them: as {@code run} puts them.
 */
final class RunStateOptions {

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description =
          "Any folder inside the git checkout of the runs. Default: the current directory.")
  Path repository;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "The state folder the runs were started with (run --state-dir)."
              + " Default: the folder per repository in your cache directory.")
  Path stateDir;

  /**
   * The state folder, found as {@code run} finds it; outside a checkout, an environment failure.
   */
  StateRoot stateRoot(Host host) throws CliFailure {
    try {
      return RunLookup.stateRoot(
          repository(host), stateDir == null ? null : absolute(stateDir), host.environment());
    } catch (EnvironmentException e) {
      throw new CliFailure(
          ExitCodes.ENVIRONMENT,
          List.of(
              e.getMessage(),
              "run from inside a git checkout, or pass --repo DIR or --state-dir DIR"),
          e);
    }
  }

  /** The folder inside the checkout: {@code --repo}, else the working directory. */
  Path repository(Host host) {
    return repository == null ? host.workingDirectory() : absolute(repository);
  }

  /** {@code --state-dir} as given, absolute, or {@code null}. */
  Path stateDir() {
    return stateDir == null ? null : absolute(stateDir);
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }
}
