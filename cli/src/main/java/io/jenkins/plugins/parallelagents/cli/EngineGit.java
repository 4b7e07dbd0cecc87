package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitEnvironment;
import io.jenkins.plugins.parallelagents.lifecycle.StateRoot;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.run.Preflight;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The engine's hardened git on the user's repository and its state folder, for the commands that
 * work on past runs ({@code clean}, {@code restore}): the trees they read are agents' work, so they
 * use the same git a run does.
 */
final class EngineGit implements AutoCloseable {

  private final LocalCommandRunner runner;
  private final Git git;
  private final Path top;
  private final StateRoot root;

  private EngineGit(LocalCommandRunner runner, Git git, Path top, StateRoot root) {
    this.runner = runner;
    this.git = git;
    this.top = top;
    this.root = root;
  }

  /**
   * @param repository any folder of the checkout, or {@code null} for the working directory
   * @param stateDir the state folder, or {@code null} for the repository's default
   */
  static EngineGit open(Host host, Path repository, Path stateDir) throws CliFailure {
    Map<String, String> environment = GitEnvironment.forEngine(host.environment());
    LocalCommandRunner runner = new LocalCommandRunner(environment);
    Git probe = new Git(runner, Map.of());
    Path folder = absolute(repository == null ? host.workingDirectory() : repository);
    Path top = probe.topLevel(folder).orElse(null);
    if (top == null) {
      runner.close();
      throw new CliFailure(
          ExitCodes.ENVIRONMENT,
          folder + " is not in a git repository; run from inside your checkout or give --repo DIR");
    }
    StateRoot root =
        stateDir == null
            ? StateRoot.defaultFor(top, host.environment())
            : new StateRoot(absolute(stateDir));
    try {
      root.checkOwner(top);
    } catch (EnvironmentException e) {
      runner.close();
      throw new CliFailure(ExitCodes.ENVIRONMENT, List.of(e.getMessage(), e.fix()), e);
    }
    Git git = new Git(runner, GitEnvironment.hardened(environment, Preflight.author(probe, top)));
    return new EngineGit(runner, git, top, root);
  }

  Git git() {
    return git;
  }

  Path top() {
    return top;
  }

  StateRoot root() {
    return root;
  }

  @Override
  public void close() {
    runner.close();
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }
}
