package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.parallelagents.distributed.RunStart;
import io.jenkins.plugins.parallelagents.jenkins.action.NodeWorkspace;
import io.jenkins.plugins.parallelagents.jenkins.action.ParallelAgentsAction;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import jenkins.model.Jenkins;

/**
 * When a build with an agent run ends, whatever its result, applies the plan's {@code cleanup}
 * settings to every workspace the run worked in, and says in the build log which runs went. A node
 * that is offline by then is cleaned at the end of a later build that uses it.
 */
@Extension
public final class WorkspaceRetention extends RunListener<Run<?, ?>> {

  private static final String PREFIX = "[parallel agents] ";

  @Override
  public void onCompleted(Run<?, ?> run, TaskListener listener) {
    ParallelAgentsAction action = run.getAction(ParallelAgentsAction.class);
    if (action == null) {
      return;
    }
    PrintStream log = listener.getLogger();
    Set<String> running = stillRunning(run);
    for (NodeWorkspace used : action.usedWorkspaces()) {
      try {
        Node node = used.node().isEmpty() ? Jenkins.get() : Jenkins.get().getNode(used.node());
        Computer computer = node == null ? null : node.toComputer();
        FilePath workspace = node == null ? null : node.createPath(used.path());
        if (computer == null || workspace == null) {
          log.println(PREFIX + "not cleaned " + used + ": the node is offline or gone");
          continue;
        }
        RetentionCall call =
            new RetentionCall(
                NodeSpec.of(action, workspace),
                new NodeEnvironment(environment(computer, listener)),
                running);
        for (String line : workspace.act(call)) {
          log.println(PREFIX + line);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        log.println(PREFIX + "not cleaned " + used + ": interrupted");
        return;
      } catch (IOException | RuntimeException e) {
        // The build's result is settled; a workspace that could not be cleaned is cleaned later.
        log.println(PREFIX + "not cleaned " + used + ": " + e.getMessage());
      }
    }
  }

  /** The node's own environment with what Jenkins adds for its processes (node properties). */
  private static EnvVars environment(Computer computer, TaskListener listener)
      throws IOException, InterruptedException {
    EnvVars environment = computer.getEnvironment();
    environment.overrideAll(computer.buildEnvironment(listener));
    return environment;
  }

  /**
   * The runs of the job's other builds still going on: one of them may work in the same workspace
   * now, and a node that ran only its tasks holds nothing that says it is not over.
   */
  private static Set<String> stillRunning(Run<?, ?> run) {
    String job = run.getParent().getFullName();
    Set<String> ids = new HashSet<>();
    for (Run<?, ?> b = run.getPreviousBuildInProgress();
        b != null;
        b = b.getPreviousBuildInProgress()) {
      ids.add(RunStart.runIdForBuild(job, b.getNumber()));
    }
    for (Run<?, ?> b = run.getNextBuild(); b != null; b = b.getNextBuild()) {
      ids.add(RunStart.runIdForBuild(job, b.getNumber()));
    }
    return ids;
  }
}
