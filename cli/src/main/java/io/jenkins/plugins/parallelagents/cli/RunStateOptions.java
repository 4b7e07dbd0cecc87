package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitEnvironment;
import io.jenkins.plugins.parallelagents.lifecycle.StateRoot;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the runs of a repository are, for the commands that look at them: as {@code run} puts them.
 */
final class RunStateOptions {

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description =
          "Any folder inside the git checkout whose runs to read. Default: the current directory.")
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
    if (stateDir != null) {
      return new StateRoot(stateDir.toAbsolutePath().normalize());
    }
    Path folder =
        (repository == null ? host.workingDirectory() : repository).toAbsolutePath().normalize();
    Optional<Path> top;
    try (LocalCommandRunner runner =
        new LocalCommandRunner(GitEnvironment.forEngine(host.environment()))) {
      top = new Git(runner, Map.of()).topLevel(folder);
    }
    return StateRoot.defaultFor(
        top.orElseThrow(
            () ->
                new CliFailure(
                    ExitCodes.ENVIRONMENT,
                    List.of(
                        "not a git repository: " + folder,
                        "run from inside a git checkout, or pass --repo DIR or --state-dir DIR"),
                    null)),
        host.environment());
  }
}
