package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.parallelagents.distributed.NodeRun;
import io.jenkins.plugins.parallelagents.distributed.RunStart;
import io.jenkins.plugins.parallelagents.jenkins.action.NodeWorkspace;
import io.jenkins.plugins.parallelagents.jenkins.action.ParallelAgentsAction;
import io.jenkins.plugins.parallelagents.plan.Plan;
import java.io.File;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * What a node needs to take part in the build's run, sent with each call: the plan as the build
 * read it (so every node works from the same plan, whatever its checkout holds), the run's start,
 * and the workspace's scratch folder ({@code @tmp}) for worktrees.
 */
final class NodeSpec implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String planText;
  private final String planFile;
  private final String start;
  private final String scratch;

  private NodeSpec(String planText, String planFile, String start, String scratch) {
    this.planText = planText;
    this.planFile = planFile;
    this.start = start;
    this.scratch = scratch;
  }

  /** The spec for a call in {@code workspace}; the action notes the workspace as used. */
  static NodeSpec of(ParallelAgentsAction action, FilePath workspace) throws AbortException {
    Computer computer = workspace.toComputer();
    if (computer != null) {
      action.usedWorkspace(new NodeWorkspace(computer.getName(), workspace.getRemote()));
    }
    FilePath tmp = WorkspaceList.tempDir(workspace);
    if (tmp == null) {
      throw new AbortException("the workspace " + workspace + " has no temporary folder");
    }
    return new NodeSpec(
        action.planText(),
        action.planFile(),
        Wire.write(action.start()),
        tmp.child("parallel-agents").getRemote());
  }

  /** The run as seen from {@code workspace}, on the node. */
  NodeRun on(File workspace) throws AbortException {
    Plan plan = ReadPlanCall.parse(planText, planFile);
    Path ws = workspace.toPath();
    return new NodeRun(plan, Wire.read(start, RunStart.class), ws, ws, Path.of(scratch));
  }
}
