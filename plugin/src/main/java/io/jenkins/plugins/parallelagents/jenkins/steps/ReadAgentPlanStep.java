package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.parallelagents.distributed.RunStart;
import io.jenkins.plugins.parallelagents.jenkins.action.ParallelAgentsAction;
import io.jenkins.plugins.parallelagents.labels.NodeLabels;
import io.jenkins.plugins.parallelagents.trust.TrustedPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Reads and validates the plan (in a pull request, the trusted revision's; a pull request that
 * changes it is refused), checks the labels its tasks name, fixes the run's base commit and target
 * (a pull request's own {@code agents/pr-<id>}), and attaches the run to the build. Returns the
 * plan's outline as plain maps and lists. A bad plan fails the build with every problem, one per
 * line.
 */
public final class ReadAgentPlanStep extends Step {

  static final String DEFAULT_FILE = "agents-plan.yaml";

  private String file = DEFAULT_FILE;
  private String label;
  private List<String> labels;
  private boolean allowBuiltIn;
  private boolean trustPlanChanges;

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

  public String getLabel() {
    return label;
  }

  /** The call's label expression: for stages whose task names none, and the Merge stage. */
  @DataBoundSetter
  public void setLabel(String label) {
    this.label = label == null || label.isBlank() ? null : label;
  }

  public List<String> getLabels() {
    return labels;
  }

  /** The labels the plan's tasks may name ({@code *}: part of a name); null allows any. */
  @DataBoundSetter
  public void setLabels(List<String> labels) {
    this.labels = labels == null ? null : new ArrayList<>(labels);
  }

  public boolean isAllowBuiltIn() {
    return allowBuiltIn;
  }

  /** Whether stages may run on the built-in node. */
  @DataBoundSetter
  public void setAllowBuiltIn(boolean allowBuiltIn) {
    this.allowBuiltIn = allowBuiltIn;
  }

  public boolean isTrustPlanChanges() {
    return trustPlanChanges;
  }

  /**
   * Whether a pull request from a contributor the job's SCM source trusts may change the plan; by
   * default every pull request runs the target branch's plan.
   */
  @DataBoundSetter
  public void setTrustPlanChanges(boolean trustPlanChanges) {
    this.trustPlanChanges = trustPlanChanges;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, this);
  }

  static final class Execution
      extends SynchronousNonBlockingStepExecution<LinkedHashMap<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String label;
    private final ArrayList<String> labels;
    private final boolean allowBuiltIn;
    private final boolean trustPlanChanges;

    Execution(StepContext context, ReadAgentPlanStep step) {
      super(context);
      this.file = step.file;
      this.label = step.label;
      this.labels = step.labels == null ? null : new ArrayList<>(step.labels);
      this.allowBuiltIn = step.allowBuiltIn;
      this.trustPlanChanges = step.trustPlanChanges;
    }

    @Override
    protected LinkedHashMap<String, Object> run() throws Exception {
      StepContext context = getContext();
      FilePath workspace = context.get(FilePath.class);
      Run<?, ?> run = context.get(Run.class);
      EnvVars env = context.get(EnvVars.class);
      TaskListener listener = context.get(TaskListener.class);
      String runId = RunStart.runIdForBuild(run.getParent().getFullName(), run.getNumber());
      String changeId = env.get("CHANGE_ID");
      BuildScm scm = BuildScm.of(run);
      TrustedPlan trusted =
          changeId == null ? null : scm.trustedPlan(file, trustPlanChanges, listener);
      if (trusted != null) {
        // Both sides are read through the SCM source, here on the controller, before any node
        // runs anything: see BuildScm#changesIn.
        List<String> changed = scm.changesIn(trusted);
        if (!changed.isEmpty()) {
          throw new AbortException(TrustedPlan.refusal(changed, scm.targetName()));
        }
        if (trusted.text() == null) {
          throw new AbortException("the target branch has no plan at " + file);
        }
        listener.getLogger().println("Plan " + file + ": read from the trusted revision");
      }
      NodeLabels nodes =
          new NodeLabels(labels, allowBuiltIn, Jenkins.get().getSelfLabel().getName());
      PlanRead read =
          workspace.act(
              new ReadPlanCall(
                  new ReadPlanCall.Request(
                      file,
                      runId,
                      changeId,
                      changeId == null ? null : scm.pullRequestHead(),
                      trusted == null ? null : Wire.write(trusted),
                      Wire.write(nodes),
                      label),
                  new NodeEnvironment(env),
                  System.currentTimeMillis()));
      run.addOrReplaceAction(new ParallelAgentsAction(file, read.planText(), read.start()));
      // The publish step takes its plan, start and merged report from this action: kept in
      // build.xml, it survives a restart of the controller in the middle of the build.
      run.save();
      listener
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
