package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.parallelagents.distributed.PlanOutline;
import io.jenkins.plugins.parallelagents.distributed.RunStart;
import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.plan.InvalidPlanException;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import io.jenkins.plugins.parallelagents.plan.PlanProblem;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import jenkins.MasterToSlaveFileCallable;

/** Reads and validates the plan in the workspace and fixes the run's base, on the node. */
final class ReadPlanCall extends MasterToSlaveFileCallable<PlanRead> {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final String runId;
  private final String changeId;
  private final NodeEnvironment environment;
  private final long startedAtMs;

  ReadPlanCall(
      String file, String runId, String changeId, NodeEnvironment environment, long startedAtMs) {
    this.file = file;
    this.runId = runId;
    this.changeId = changeId;
    this.environment = environment;
    this.startedAtMs = startedAtMs;
  }

  @Override
  public PlanRead invoke(File workspace, VirtualChannel channel) throws IOException {
    Path path = workspace.toPath().resolve(file);
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new AbortException(
          "no plan at " + path + ": check out the repository first, or pass file: 'path/to/plan'");
    }
    Plan plan = parse(text, file);
    try (LocalCommandRunner runner = environment.runner()) {
      Git git = new Git(runner, environment.forEngine());
      RunStart start = RunStart.resolve(git, plan, workspace.toPath(), runId, changeId, startedAtMs);
      return new PlanRead(text, start, PlanOutline.of(plan, file, start));
    } catch (EnvironmentException e) {
      throw Failures.of(e);
    }
  }

  /** Every problem of the plan in one message, a line each: {@code file:line:col: sentence}. */
  static Plan parse(String text, String file) throws AbortException {
    try {
      return new PlanParser().parse(text, file);
    } catch (InvalidPlanException e) {
      throw new AbortException(
          "the plan is not valid:\n"
              + e.problems().stream().map(PlanProblem::toString).collect(Collectors.joining("\n")));
    }
  }
}
