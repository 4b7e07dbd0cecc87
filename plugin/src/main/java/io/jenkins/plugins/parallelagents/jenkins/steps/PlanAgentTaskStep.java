package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.Extension;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code agentTask} without a block: the agent profile the plan names for the task runs it (setup,
 * agent, commit, verify), in the task's worktree on the current node, and the result is handed off
 * the same way.
 */
public final class PlanAgentTaskStep extends Step {

  private final String task;

  @DataBoundConstructor
  public PlanAgentTaskStep(String task) {
    this.task = task;
  }

  public String getTask() {
    return task;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new AgentTaskStep.Execution(context, task, true);
  }

  @Extension
  @Symbol("planAgentTask")
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return StepContexts.ON_NODE;
    }

    @Override
    public String getFunctionName() {
      return "planAgentTask";
    }

    @Override
    public String getDisplayName() {
      return "Run one task of the agent plan with the plan's agent profile";
    }
  }
}
