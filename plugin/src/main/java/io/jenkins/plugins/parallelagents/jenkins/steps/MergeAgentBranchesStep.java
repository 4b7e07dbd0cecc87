package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.parallelagents.distributed.NodeRun;
import io.jenkins.plugins.parallelagents.jenkins.action.ParallelAgentsAction;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.SetAside;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * On the current node, takes every task's hand-off unstashed in the workspace, predicts conflicts,
 * merges the branches with the plan's strategy, runs the plan's test command on the result, and
 * writes the reports under {@code .parallel-agents/runs/<run>/} for archiving. Fails the build when
 * a task failed, the merge conflicted (naming the files and tasks) or the tests failed.
 */
public final class MergeAgentBranchesStep extends Step {

  @DataBoundConstructor
  public MergeAgentBranchesStep() {}

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context);
  }

  static final class Execution
      extends SynchronousNonBlockingStepExecution<LinkedHashMap<String, Object>> {

    private static final long serialVersionUID = 1L;

    Execution(StepContext context) {
      super(context);
    }

    @Override
    protected LinkedHashMap<String, Object> run() throws Exception {
      StepContext context = getContext();
      FilePath workspace = context.get(FilePath.class);
      ParallelAgentsAction action = ParallelAgentsAction.of(context.get(Run.class));
      String json =
          workspace.act(
              new MergeCalls.MergeAndTest(
                  NodeSpec.of(action, workspace),
                  StepEnvironment.of(context),
                  context.get(TaskListener.class)));
      action.reportWritten(json);
      RunReport report = action.report();
      if (report.run().status() == RunStatus.FAILED) {
        throw new AbortException(report.run().reason());
      }
      LinkedHashMap<String, Object> merged = new LinkedHashMap<>();
      merged.put("merge", report.merge().status().name());
      merged.put("test", report.test().status().name());
      merged.put("commit", report.merge().commit());
      merged.put("merged", new ArrayList<>(report.merge().merged()));
      merged.put(
          "setAside",
          new ArrayList<>(report.merge().setAside().stream().map(SetAside::task).toList()));
      merged.put("branch", report.merge().branch());
      merged.put("target", report.publish().branch());
      merged.put("reports", NodeRun.runPath(action.start().runId()));
      return merged;
    }
  }

  @Extension
  @Symbol("mergeAgentBranches")
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return StepContexts.ON_NODE;
    }

    @Override
    public String getFunctionName() {
      return "mergeAgentBranches";
    }

    @Override
    public String getDisplayName() {
      return "Merge and test the agent task branches";
    }
  }
}
