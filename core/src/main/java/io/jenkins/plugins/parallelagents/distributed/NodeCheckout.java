package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.database.DatabaseSource;
import io.jenkins.plugins.parallelagents.database.RunDatabases;
import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitEnvironment;
import io.jenkins.plugins.parallelagents.git.TaskRepositories;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import io.jenkins.plugins.parallelagents.run.Preflight;
import io.jenkins.plugins.parallelagents.secrets.Redactor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node's checkout, checked and ready: its top folder, the engine's hardened git with an author
 * for its commits, the environment every step runs with (with an author too: a build machine often
 * has no git identity), the tasks' own repositories, and what masks this node's secrets.
 */
record NodeCheckout(
    Path top, Git git, Map<String, String> environment, TaskRepositories trees, Redactor redactor) {

  /**
   * @throws EnvironmentException when git is missing or too old, or the checkout is not a sha1 git
   *     repository
   */
  static NodeCheckout open(NodeRun run, CommandRunner runner, Map<String, String> host)
      throws EnvironmentException {
    Git probe = new Git(runner, host);
    Path top = Preflight.repository(probe, run.checkout());
    Map<String, String> environment = new LinkedHashMap<>(host);
    environment.putAll(Preflight.identity(probe, top));
    Git git = new Git(runner, GitEnvironment.hardened(host, Preflight.author(probe, top)));
    WorkspaceExclusion.ensure(git, top, run.workspace());
    return new NodeCheckout(
        top,
        git,
        environment,
        new TaskRepositories(git, top),
        Redactor.of(
            // The database's password, wherever this node takes it from, is masked too.
            RunDatabases.withPassword(
                host,
                DatabaseSource.resolvedOrAsWritten(run.plan().environment().database(), host)),
            run.plan().guard().redact()));
  }
}
