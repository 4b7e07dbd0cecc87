package io.jenkins.plugins.parallelagents.jenkins.schedule;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.parallelagents.distributed.TaskGate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Waits, without a node and without polling, until a task of the build's plan may start: every
 * foundation task and every task it needs has ended ({@code endAgentTask}) and one of the plan's
 * {@code maxParallel} slots is free. Returns {@code [start: true]}, the slot then being the task's
 * until its {@code endAgentTask}, or {@code [start: false, reason: ...]} when a task it builds on
 * did not succeed or the plan fails fast.
 */
public final class AwaitAgentTaskStep extends Step {

  private final String task;

  @DataBoundConstructor
  public AwaitAgentTaskStep(String task) {
    this.task = task;
  }

  public String getTask() {
    return task;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, task);
  }

  /** A task waiting for its turn; the schedule completes it. */
  static final class Execution extends StepExecution {

    private static final long serialVersionUID = 1L;

    private final String taskId;
    private transient volatile String waitingFor;

    Execution(StepContext context, String taskId) {
      super(context);
      this.taskId = taskId;
    }

    String taskId() {
      return taskId;
    }

    @Override
    public boolean start() throws Exception {
      schedule().await(this);
      return false;
    }

    /** After a restart: ask again, since the task that would have started it may have ended. */
    @Override
    public void onResume() {
      try {
        schedule().await(this);
      } catch (Exception e) {
        getContext().onFailure(e);
      }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
      schedule().cancel(this);
      getContext().onFailure(cause);
    }

    @Override
    public String getStatus() {
      String why = waitingFor;
      return why == null ? "deciding whether task '" + taskId + "' may start" : why;
    }

    /** Completes the step, or notes what it waits for. */
    void decided(TaskGate.Decision decision) {
      Map<String, Object> outcome = new LinkedHashMap<>();
      if (decision instanceof TaskGate.Wait wait) {
        waitingFor = wait.why();
        return;
      }
      if (decision instanceof TaskGate.Skip skip) {
        outcome.put("start", false);
        outcome.put("reason", skip.reason());
      } else {
        outcome.put("start", true);
      }
      getContext().onSuccess(outcome);
    }

    private AgentSchedule schedule() throws Exception {
      return AgentSchedule.of(getContext().get(Run.class));
    }
  }

  @Extension
  @Symbol("awaitAgentTask")
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }

    @Override
    public String getFunctionName() {
      return "awaitAgentTask";
    }

    @Override
    public String getDisplayName() {
      return "Wait until a task of the agent plan may start";
    }
  }
}
