package io.jenkins.plugins.parallelagents.jenkins.schedule;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.util.Arrays;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Records how a task of the build's plan ended, frees its slot and starts the tasks waiting for
 * it ({@code awaitAgentTask}). Every task that waited and started must end with it, in a {@code
 * finally}; so must a task that never started (SKIPPED, or CANCELLED while it waited), or its
 * dependants wait for ever. A SKIPPED task's stage is marked not built, without an error.
 */
public final class EndAgentTaskStep extends Step {

  private final String task;
  private final String status;
  private String reason;

  @DataBoundConstructor
  public EndAgentTaskStep(String task, String status) {
    this.task = task;
    this.status = status;
  }

  public String getTask() {
    return task;
  }

  public String getStatus() {
    return status;
  }

  public String getReason() {
    return reason;
  }

  /** Why it ended so: shown on a skipped stage, and in the report of a task without a hand-off. */
  @DataBoundSetter
  public void setReason(String reason) {
    this.reason = reason == null || reason.isBlank() ? null : reason;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, this);
  }

  /** A status a task can end with: the report's statuses but PENDING and RUNNING. */
  static TaskStatus ending(String status) throws AbortException {
    try {
      TaskStatus ended = TaskStatus.valueOf(status);
      if (ended != TaskStatus.PENDING && ended != TaskStatus.RUNNING) {
        return ended;
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      // named below
    }
    throw new AbortException(
        "endAgentTask: '"
            + status
            + "' is not how a task ends; use one of "
            + Arrays.stream(TaskStatus.values())
                .filter(s -> s != TaskStatus.PENDING && s != TaskStatus.RUNNING)
                .map(Enum::name)
                .toList());
  }

  private static final class Execution extends SynchronousStepExecution<Void> {

    private static final long serialVersionUID = 1L;
    private final String task;
    private final String status;
    private final String reason;

    Execution(StepContext context, EndAgentTaskStep step) {
      super(context);
      this.task = step.task;
      this.status = step.status;
      this.reason = step.reason;
    }

    @Override
    protected Void run() throws Exception {
      TaskStatus ended = ending(status);
      StepContext context = getContext();
      if (ended == TaskStatus.SKIPPED) {
        String why = reason == null ? "a task it builds on did not succeed" : reason;
        context.get(TaskListener.class).getLogger().println("Skipped: " + why);
        // Not built, as a skipped declarative stage is: no error line, no red stage.
        context
            .get(FlowNode.class)
            .addOrReplaceAction(new WarningAction(Result.NOT_BUILT).withMessage("Skipped: " + why));
      }
      AgentSchedule.of(context.get(Run.class)).ended(task, ended, reason);
      return null;
    }
  }

  @Extension
  @Symbol("endAgentTask")
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class, FlowNode.class);
    }

    @Override
    public String getFunctionName() {
      return "endAgentTask";
    }

    @Override
    public String getDisplayName() {
      return "Record how a task of the agent plan ended";
    }
  }
}
