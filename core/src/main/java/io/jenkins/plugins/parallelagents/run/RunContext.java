package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.cache.TreeCache;
import io.jenkins.plugins.parallelagents.carry.Carrier;
import io.jenkins.plugins.parallelagents.database.RunDatabases;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.HistoryReader;
import io.jenkins.plugins.parallelagents.git.RepositoryLock;
import io.jenkins.plugins.parallelagents.git.RepositorySnapshot;
import io.jenkins.plugins.parallelagents.git.TaskRepositories;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.ports.PortAllocator;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.secrets.Redactor;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every part of one run shares.
 *
 * @param repository top folder of the user's checkout (read, never modified)
 * @param worktrees folder holding this run's worktrees
 * @param commandEnvironment variables added to agents', setups', verifies' and tests' environment
 * @param jobs the most agents running at once, every attempt counting as one
 * @param trees makes, checks and collects the tasks' own repositories
 * @param userRepository the user's refs and config as the run found them, to tell when someone else
 *     changed them
 * @param redactor masks secrets in the files the run writes
 * @param cache what setup makes, reused between trees with the same key files
 * @param ports hands each attempt and test run ports of its own, from the plan's {@code
 *     environment.ports}
 * @param databases the run's databases on the plan's server, if it names one
 * @param carrier copies the ignored files a project needs to start into each tree
 */
record RunContext(
    Plan plan,
    String runId,
    Path repository,
    RunDirectory directory,
    Path worktrees,
    Branches branches,
    Git git,
    HistoryReader history,
    CommandRunner runner,
    RunListener listener,
    RunState state,
    Map<String, String> commandEnvironment,
    int jobs,
    TaskRepositories trees,
    RepositorySnapshot userRepository,
    Redactor redactor,
    TreeCache cache,
    PortAllocator ports,
    RunDatabases databases,
    Carrier carrier) {

  /** The lock other runs of the user's repository wait on while this one writes its refs. */
  RepositoryLock repositoryLock() {
    return trees.lock();
  }

  /** Points {@code branch} of the user's repository at {@code commit}, holding its lock. */
  void setUserBranch(String branch, String commit) {
    try (RepositoryLock.Held held = repositoryLock().acquire()) {
      git.setBranch(repository, branch, commit);
    }
  }
}
