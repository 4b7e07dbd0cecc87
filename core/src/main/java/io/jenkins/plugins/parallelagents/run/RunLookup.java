package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitEnvironment;
import io.jenkins.plugins.parallelagents.lifecycle.RunCatalog;
import io.jenkins.plugins.parallelagents.lifecycle.RunEntry;
import io.jenkins.plugins.parallelagents.lifecycle.StateRoot;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import java.nio.file.Path;
import java.util.Map;

/** Finds the runs of the repository a host points at, for the commands that act on a run. */
public final class RunLookup {

  /** The name that stands for the newest run. */
  public static final String LATEST = "latest";

  private RunLookup() {}

  /**
   * Where the runs of the checkout holding {@code repository} live.
   *
   * @param stateDir the folder the host was given, or {@code null} for the default
   */
  public static StateRoot stateRoot(Path repository, Path stateDir, Map<String, String> environment)
      throws EnvironmentException {
    if (stateDir != null) {
      return new StateRoot(stateDir);
    }
    try (LocalCommandRunner runner =
        new LocalCommandRunner(GitEnvironment.forEngine(environment))) {
      Path top = Preflight.repository(new Git(runner, Map.of()), repository);
      return StateRoot.defaultFor(top, environment);
    }
  }

  /**
   * The run of that id, or the newest with {@code null} or {@value #LATEST}.
   *
   * @throws EnvironmentException naming the command that lists the runs, when there is none
   */
  public static RunEntry find(StateRoot root, String id) throws EnvironmentException {
    RunCatalog catalog = new RunCatalog(root);
    boolean latest = id == null || id.equals(LATEST);
    return (latest ? catalog.latest() : catalog.find(id))
        .orElseThrow(
            () ->
                new EnvironmentException(
                    latest
                        ? "no run of this repository yet in " + root.root()
                        : "no run '" + id + "' in " + root.root(),
                    "'parallel-agents runs' lists the runs of this repository"));
  }
}
