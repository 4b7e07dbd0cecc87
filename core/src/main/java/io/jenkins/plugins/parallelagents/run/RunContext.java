package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.HistoryReader;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every part of one run shares.
 *
 * @param repository top folder of the user's checkout (read, never modified)
 * @param worktrees folder holding this run's worktrees
 * @param commandEnvironment variables added to agents', setups', verifies' and tests' environment
 * @param jobs the most agents running at once, every attempt counting as one
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
    int jobs) {}
