package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.parallelagents.distributed.PreparedTask;
import io.jenkins.plugins.parallelagents.jenkins.action.ParallelAgentsAction;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Runs one task of the build's plan on the current node: prepares its worktree and branch (base,
 * foundation and needs merged, from the hand-offs unstashed in the workspace), runs the block as
 * the agent inside the worktree with the {@code AGENT_*} variables set, then commits, verifies and
 * hands the branch off as a bundle in the workspace, ready to stash. Returns the task's outcome;
 * fails when the task did not succeed, after its work has been handed off.
 *
 * <p>Pipeline requires a block of a step that takes one, so the plan's own agent profile runs
 * through {@link PlanAgentTaskStep} ({@code planAgentTask}), which shares this execution.
 */
public final class AgentTaskStep extends Step {

  private final String task;

  @DataBoundConstructor
  public AgentTaskStep(String task) {
    this.task = task;
  }

  public String getTask() {
    return task;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, task, false);
  }

  /** A task's outcome as the pipeline script sees it: plain values only. */
  static Map<String, Object> outcome(TaskReport report) {
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("id", report.id());
    outcome.put("status", report.status().name());
    outcome.put("branch", report.branch());
    outcome.put("commit", report.commit());
    outcome.put("changedFiles", new java.util.ArrayList<>(report.changedFiles()));
    outcome.put("reason", report.reason());
    return outcome;
  }

  static final class Execution extends GeneralNonBlockingStepExecution {

    private static final long serialVersionUID = 1L;

    private final String taskId;
    /** The prepared task as JSON: a step's saved state holds only what Jenkins can persist. */
    private String prepared;

    private final boolean planAgent;

    /**
     * @param planAgent whether the plan's agent profile runs the task, rather than the step's block
     */
    Execution(StepContext context, String taskId, boolean planAgent) {
      super(context);
      this.taskId = taskId;
      this.planAgent = planAgent;
    }

    @Override
    public boolean start() {
      run(this::prepare);
      return false;
    }

    private void prepare() throws Exception {
      StepContext context = getContext();
      FilePath workspace = context.get(FilePath.class);
      TaskListener listener = context.get(TaskListener.class);
      NodeSpec spec = spec();
      NodeEnvironment environment = StepEnvironment.of(context);
      prepared = workspace.act(new TaskCall.Prepare(spec, environment, taskId));
      if (planAgent) {
        finish(workspace.act(new TaskCall.PlanAgent(spec, environment, prepared, listener)));
        return;
      }
      String ended = workspace.act(new TaskCall.Setup(spec, environment, prepared, listener));
      if (ended != null) {
        finish(ended);
        return;
      }
      PreparedTask task = Wire.read(prepared, PreparedTask.class);
      listener.getLogger().println("[" + taskId + "] agent block in " + task.worktree());
      FilePath worktree = new FilePath(workspace.getChannel(), task.worktree());
      Map<String, String> blockEnvironment = new LinkedHashMap<>(task.environment());
      blockEnvironment.put("WORKSPACE", task.worktree()); // the task's tree, not the checkout
      context
          .newBodyInvoker()
          .withContexts(
              worktree,
              EnvironmentExpander.merge(
                  context.get(EnvironmentExpander.class),
                  EnvironmentExpander.constant(blockEnvironment)))
          .withCallback(new BlockEnd())
          .start();
    }

    private NodeSpec spec() throws Exception {
      return NodeSpec.of(
          ParallelAgentsAction.of(getContext().get(Run.class)),
          getContext().get(FilePath.class));
    }

    /** Records the task on the build page; fails the step when the task did not succeed. */
    private void finish(String json) throws Exception {
      TaskReport report = Wire.read(json, TaskReport.class);
      ParallelAgentsAction action = ParallelAgentsAction.of(getContext().get(Run.class));
      ArchiveMasking.task(getContext(), action.getRunId(), report.id());
      action.taskFinished(report);
      if (report.status().isDone()) {
        getContext().onSuccess(outcome(report));
      } else {
        getContext()
            .onFailure(
                new AbortException(
                    "task '"
                        + report.id()
                        + "' "
                        + report.status()
                        + (report.reason() == null ? "" : ": " + report.reason())));
      }
    }

    private String endBlock(TaskStatus failure, String reason) throws Exception {
      StepContext context = getContext();
      FilePath workspace = context.get(FilePath.class);
      return workspace.act(
          new TaskCall.BlockEnd(
              spec(),
              StepEnvironment.of(context),
              prepared,
              context.get(TaskListener.class),
              failure,
              reason));
    }

    /** After the block: commit and hand off whatever it did, whether it passed or not. */
    private final class BlockEnd extends BodyExecutionCallback {

      private static final long serialVersionUID = 1L;

      @Override
      public void onSuccess(StepContext context, Object result) {
        run(() -> finish(endBlock(null, null)));
      }

      @Override
      public void onFailure(StepContext context, Throwable t) {
        run(
            () -> {
              // An abort stays an abort, so that the build ends as ABORTED, not FAILED.
              TaskStatus status =
                  t instanceof FlowInterruptedException ? TaskStatus.CANCELLED : TaskStatus.FAILED;
              try {
                String report = endBlock(status, "the agent block failed: " + t.getMessage());
                ParallelAgentsAction action = ParallelAgentsAction.of(getContext().get(Run.class));
                ArchiveMasking.task(getContext(), action.getRunId(), taskId);
                action.taskFinished(Wire.read(report, TaskReport.class));
              } catch (Exception e) {
                t.addSuppressed(e);
              }
              context.onFailure(t);
            });
      }
    }
  }

  @Extension
  @Symbol("agentTask")
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return StepContexts.ON_NODE;
    }

    @Override
    public String getFunctionName() {
      return "agentTask";
    }

    @Override
    public String getDisplayName() {
      return "Run one task of the agent plan in its own worktree";
    }

    @Override
    public boolean takesImplicitBlockArgument() {
      return true;
    }
  }
}
