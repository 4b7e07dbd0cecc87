package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.parallelagents.distributed.PlanOutline;
import io.jenkins.plugins.parallelagents.distributed.RunStart;
import io.jenkins.plugins.parallelagents.distributed.SingleAttempts;
import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.labels.NodeLabels;
import io.jenkins.plugins.parallelagents.plan.InvalidPlanException;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import io.jenkins.plugins.parallelagents.plan.PlanProblem;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.trust.TrustedPlan;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jenkins.MasterToSlaveFileCallable;

/**
 * Reads and validates the plan on the node: the trusted revision's text in a pull request (the
 * controller has refused one that changes the plan or a file it runs), else the checkout's; the
 * labels checked, the run's base fixed.
 */
final class ReadPlanCall extends MasterToSlaveFileCallable<PlanRead> {

  private static final long serialVersionUID = 1L;

  /**
   * What the controller decided for the read.
   *
   * @param trustedPlan the {@link TrustedPlan} as JSON, or null when the checkout's plan is trusted
   * @param nodeLabels the {@link NodeLabels} as JSON
   * @param label the call's label expression, or null
   */
  record Request(
      String file,
      String runId,
      String changeId,
      String pullRequestHead,
      String trustedPlan,
      String nodeLabels,
      String label)
      implements Serializable {}

  private final Request request;
  private final NodeEnvironment environment;
  private final long startedAtMs;

  ReadPlanCall(Request request, NodeEnvironment environment, long startedAtMs) {
    this.request = request;
    this.environment = environment;
    this.startedAtMs = startedAtMs;
  }

  @Override
  public PlanRead invoke(File workspace, VirtualChannel channel) throws IOException {
    String file = request.file();
    String text = request.trustedPlan() == null ? checkedOut(workspace, file) : trusted();
    Plan plan = parse(text, file);
    NodeLabels nodes = Wire.read(request.nodeLabels(), NodeLabels.class);
    List<String> problems = nodes.problems(plan, request.label());
    if (!problems.isEmpty()) {
      throw new AbortException(
          "the plan's labels are not allowed here:\n" + String.join("\n", problems));
    }
    List<String> attempts = SingleAttempts.problems(plan);
    if (!attempts.isEmpty()) {
      throw new AbortException(file + ": " + String.join("\n" + file + ": ", attempts));
    }
    try (LocalCommandRunner runner = environment.runner()) {
      Git git = new Git(runner, environment.forEngine());
      RunStart start =
          RunStart.resolve(
              git,
              plan,
              workspace.toPath(),
              request.runId(),
              request.changeId(),
              request.pullRequestHead(),
              startedAtMs);
      Map<String, Object> outline = PlanOutline.of(plan, file, start);
      placeStages(outline, plan, nodes);
      return new PlanRead(text, start, outline);
    } catch (EnvironmentException e) {
      throw Failures.of(e);
    }
  }

  private static String checkedOut(File workspace, String file) throws IOException {
    Path path = workspace.toPath().resolve(file);
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new AbortException(
          "no plan at " + path + ": check out the repository first, or pass file: 'path/to/plan'");
    }
  }

  /**
   * The trusted revision's text. The controller compared the plan's inputs between the trusted
   * revision and the pull request's through the SCM source before this call; the workspace, which
   * earlier builds may have altered, takes no part in that.
   */
  private String trusted() {
    return Wire.read(request.trustedPlan(), TrustedPlan.class).text();
  }

  /** Each task's node label expression, and the Merge stage's, with the built-in node policy. */
  @SuppressWarnings("unchecked")
  private void placeStages(Map<String, Object> outline, Plan plan, NodeLabels nodes) {
    Map<String, Map<String, Object>> tasks =
        (Map<String, Map<String, Object>>) outline.get("tasks");
    for (Task task : plan.tasks()) {
      tasks.get(task.id()).put("node", nodes.forTask(task, request.label()));
    }
    outline.put("node", nodes.forStage(request.label()));
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
