package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.parallelagents.distributed.NodeRun;
import io.jenkins.plugins.parallelagents.jenkins.action.ParallelAgentsAction;
import io.jenkins.plugins.parallelagents.jenkins.schedule.AgentSchedule;
import jenkins.model.CauseOfInterruption;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.SetAside;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * On the current node, takes every task's hand-off unstashed in the workspace, predicts conflicts,
 * merges the branches with the plan's strategy, runs the plan's test command on the result, and
 * writes the reports under {@code .parallel-agents/runs/<run>/} for archiving. Fails the build when
 * a task failed, the merge conflicted (naming the files and tasks) or the tests failed.
 */
public final class MergeAgentBranchesStep extends Step {

  private String stopped;

  @DataBoundConstructor
  public MergeAgentBranchesStep() {}

  public String getStopped() {
    return stopped;
  }

  /**
   * Why the run stopped before its merge (its tasks were interrupted), or {@code null}: a stopped
   * run merges nothing and only writes its reports.
   */
  @DataBoundSetter
  public void setStopped(String stopped) {
    this.stopped = stopped == null || stopped.isBlank() ? null : stopped;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, stopped);
  }

  static final class Execution
      extends SynchronousNonBlockingStepExecution<LinkedHashMap<String, Object>> {

    private static final long serialVersionUID = 1L;
    private final String stopped;

    Execution(StepContext context, String stopped) {
      super(context);
      this.stopped = stopped;
    }

    @Override
    protected LinkedHashMap<String, Object> run() throws Exception {
      StepContext context = getContext();
      FilePath workspace = context.get(FilePath.class);
      Run<?, ?> run = context.get(Run.class);
      ParallelAgentsAction action = ParallelAgentsAction.of(run);
      Collection<CauseOfInterruption> aborted = BuildAbort.causes(run);
      String why = stopped != null ? stopped : aborted.isEmpty() ? null : BuildAbort.why(aborted);
      RunReport earlier = action.report();
      if (why == null && earlier != null && earlier.publish().status().published()) {
        // A stage run again after a restart (see the layout's retry) whose first try already
        // pushed: merging again would make a new commit that the target refuses.
        context
            .get(TaskListener.class)
            .getLogger()
            .println(
                "[merge & test] this build already published "
                    + earlier.publish().commit()
                    + " to "
                    + earlier.publish().branch()
                    + "; not merging again");
        return outcome(earlier, action);
      }
      String json;
      try {
        json =
            workspace.act(
                new MergeCalls.MergeAndTest(
                    NodeSpec.of(action, workspace),
                    StepEnvironment.of(context),
                    context.get(TaskListener.class),
                    Wire.write(AgentSchedule.of(run).endedOnHost()),
                    why == null ? null : "the run was stopped before its merge: " + why));
      } catch (Exception e) {
        // What the merge wrote before it failed is archived too.
        try {
          ArchiveMasking.run(context, action.getRunId());
        } catch (Exception masking) {
          e.addSuppressed(masking);
        }
        throw e;
      }
      ArchiveMasking.run(context, action.getRunId());
      action.reportWritten(json);
      RunReport report = action.report();
      if (stopped == null && !aborted.isEmpty()) {
        // The build is being aborted: the reports are written, and it stays ABORTED.
        throw new FlowInterruptedException(
            Result.ABORTED, true, aborted.toArray(new CauseOfInterruption[0]));
      }
      if (stopped == null && report.run().status() == RunStatus.FAILED) {
        throw new AbortException(report.run().reason());
      }
      return outcome(report, action);
    }

    /** What the pipeline script gets: plain values only. */
    private static LinkedHashMap<String, Object> outcome(
        RunReport report, ParallelAgentsAction action) {
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
