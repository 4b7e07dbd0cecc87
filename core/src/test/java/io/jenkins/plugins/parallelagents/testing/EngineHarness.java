package io.jenkins.plugins.parallelagents.testing;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.run.RunEngine;
import io.jenkins.plugins.parallelagents.run.RunListener;
import io.jenkins.plugins.parallelagents.run.RunOptions;
import java.nio.file.Path;

/** Runs plans with the real engine against a sandboxed repository. */
public final class EngineHarness {

  private final GitSandbox sandbox;

  public EngineHarness(GitSandbox sandbox) {
    this.sandbox = sandbox;
  }

  public RunReport run(Plan plan, Path repo) throws EnvironmentException {
    return run(plan, repo, RunListener.NONE);
  }

  public RunReport run(Plan plan, Path repo, RunListener listener) throws EnvironmentException {
    return new RunEngine(plan, options(repo), listener).execute();
  }

  public RunReport run(Plan plan, RunOptions options) throws EnvironmentException {
    return new RunEngine(plan, options, RunListener.NONE).execute();
  }

  public RunOptions options(Path repo) {
    return RunOptions.forRepository(repo, sandbox.environment());
  }
}
