package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.cache.TreeCache;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.run.Branches;
import java.nio.file.Path;

/**
 * One node's view of a distributed run: the plan, what the run agreed on, and where things go on
 * this node.
 *
 * @param checkout the node's checkout of the repository; the engine adds branches to it and
 *     otherwise leaves it alone
 * @param workspace where the run's hand-offs and reports live, so that the host can pass them
 *     between nodes and archive them (in Jenkins: the build's workspace)
 * @param scratch a folder outside the checkout for worktrees (in Jenkins: the workspace's {@code
 *     @tmp} folder)
 */
public record NodeRun(Plan plan, RunStart start, Path checkout, Path workspace, Path scratch) {

  /** The folder, relative to the workspace, that holds everything of every run. */
  public static final String FOLDER = ".parallel-agents";

  public String runId() {
    return start.runId();
  }

  public Branches branches() {
    return new Branches(start.runId());
  }

  public Handoff handoff() {
    return new Handoff(workspace.resolve(handoffPath(start.runId())), this);
  }

  /** Logs, prompts and reports of the run, under the workspace. */
  public RunDirectory directory() {
    return new RunDirectory(workspace.resolve(runPath(start.runId())));
  }

  /**
   * The plan's dependency cache on this node: outside the checkout, shared by the runs of this
   * workspace.
   */
  public TreeCache cache() {
    return new TreeCache(plan.cache(), scratch.resolve("cache"));
  }

  public Path worktree(String name) {
    return scratch.resolve("worktrees").resolve(start.runId()).resolve(name);
  }

  /** Where a run's hand-offs are, relative to the workspace ({@code /}-separated, for globs). */
  public static String handoffPath(String runId) {
    return FOLDER + "/handoff/" + runId;
  }

  /** Where a run's reports and logs are, relative to the workspace. */
  public static String runPath(String runId) {
    return FOLDER + "/runs/" + runId;
  }
}
