package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.parallelagents.distributed.NodeRetention;
import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.lifecycle.CleanedRun;
import io.jenkins.plugins.parallelagents.lifecycle.CleanedRun.Action;
import io.jenkins.plugins.parallelagents.lifecycle.SavedWork;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import jenkins.MasterToSlaveFileCallable;

/**
 * Applies the plan's retention to the workspace ({@link NodeRetention}); returns one line for the
 * build log per run removed, kept because its work could not be saved, or whose saved work expired.
 */
final class RetentionCall extends MasterToSlaveFileCallable<ArrayList<String>> {

  private static final long serialVersionUID = 1L;

  private final NodeSpec spec;
  private final NodeEnvironment environment;
  private final HashSet<String> running;

  /**
   * @param running the run ids of the job's builds still going on
   */
  RetentionCall(NodeSpec spec, NodeEnvironment environment, Set<String> running) {
    this.spec = spec;
    this.environment = environment;
    this.running = new HashSet<>(running);
  }

  @Override
  public ArrayList<String> invoke(File workspace, VirtualChannel channel) throws IOException {
    ArrayList<String> lines = new ArrayList<>();
    try (LocalCommandRunner runner = environment.runner()) {
      NodeRetention retention =
          new NodeRetention(spec.on(workspace), runner, environment.forEngine());
      for (CleanedRun run : retention.apply(running)) {
        if (run.action() == Action.REMOVE) {
          lines.add(removed(run, workspace));
        } else if (run.action() == Action.EXPIRE) {
          lines.add(
              "dropped the work saved from run "
                  + run.runId()
                  + " in "
                  + workspace
                  + " ("
                  + run.reason()
                  + ")");
        } else if (run.reason().startsWith(NodeRetention.NOT_SAVED)) {
          lines.add("kept run " + run.runId() + " in " + workspace + ": " + run.reason());
        }
      }
    } catch (EnvironmentException e) {
      throw Failures.of(e);
    }
    return lines;
  }

  private static String removed(CleanedRun run, File workspace) {
    String line = "removed run " + run.runId() + " from " + workspace + " (" + run.reason() + ")";
    if (run.saved().isEmpty()) {
      return line;
    }
    return line
        + "; its unpublished work is kept as "
        + String.join(", ", run.saved().stream().map(SavedWork::ref).toList());
  }
}
