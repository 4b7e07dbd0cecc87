package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.parallelagents.distributed.RunStart;
import io.jenkins.plugins.parallelagents.jenkins.action.ParallelAgentsAction;
import java.util.LinkedHashMap;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Reads and validates the plan in the workspace, fixes the run's base commit and target (a pull
 * request's own {@code agents/pr-<id>}), and attaches the run to the build. Returns the plan's
 * outline as plain maps and lists. A bad plan fails the build with every problem, one per line.
 */
public final class ReadAgentPlanStep extends Step {

  static final String DEFAULT_FILE = "agents-plan.yaml";

  private String file = DEFAULT_FILE;

  @DataBoundConstructor
  public ReadAgentPlanStep() {}

  public String getFile() {
    return file;
  }

  /** The plan's path in the workspace; {@code agents-plan.yaml} by default. */
  @DataBoundSetter
  public void setFile(String file) {
    this.file = file == null || file.isBlank() ? DEFAULT_FILE : file;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, file);
  }

  static final class Execution
      extends SynchronousNonBlockingStepExecution<LinkedHashMap<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final String file;

    Execution(StepContext context, String file) {
      super(context);
      this.file = file;
    }

    @Override
    protected LinkedHashMap<String, Object> run() throws Exception {
      StepContext context = getContext();
      FilePath workspace = context.get(FilePath.class);
      Run<?, ?> run = context.get(Run.class);
      EnvVars env = context.get(EnvVars.class);
      String runId = RunStart.runIdForBuild(run.getParent().getFullName(), run.getNumber());
      PlanRead read =
          workspace.act(
              new ReadPlanCall(
                  file,
                  runId,
                  env.get("CHANGE_ID"),
                  new NodeEnvironment(env),
                  System.currentTimeMillis()));
      run.addOrReplaceAction(new ParallelAgentsAction(file, read.planText(), read.start()));
      context
          .get(TaskListener.class)
          .getLogger()
          .println(
              "Plan "
                  + file
                  + ": run "
                  + runId
                  + " from "
                  + read.start().baseRef()
                  + " ("
                  + read.start().baseCommit()
                  + ") to "
                  + read.start().target());
      return read.outline();
    }
  }

  @Extension
  @Symbol("readAgentPlan")
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return StepContexts.ON_NODE;
    }

    @Override
    public String getFunctionName() {
      return "readAgentPlan";
    }

    @Override
    public String getDisplayName() {
      return "Read and validate an agent plan";
    }
  }
}
