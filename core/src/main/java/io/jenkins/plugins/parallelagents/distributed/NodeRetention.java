package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.distributed.WorkspaceRuns.Traces;
import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.TaskRepositories;
import io.jenkins.plugins.parallelagents.lifecycle.CleanedRun;
import io.jenkins.plugins.parallelagents.lifecycle.CleanedRun.Action;
import io.jenkins.plugins.parallelagents.lifecycle.Retention;
import io.jenkins.plugins.parallelagents.lifecycle.SavedWork;
import io.jenkins.plugins.parallelagents.lifecycle.StateRoot;
import io.jenkins.plugins.parallelagents.lifecycle.UnpublishedWork;
import io.jenkins.plugins.parallelagents.plan.CleanupSettings;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The plan's {@code cleanup} settings applied to one node's workspace at the end of a build: of the
 * runs it holds traces of ({@link WorkspaceRuns}), the {@code keepRuns} most recently active are
 * kept, unless last active more than {@code keepDays} ago; the others lose their hand-offs, run
 * folders, leftover trees and branches {@code agents/<run>/*}. The build's own run and the runs the
 * host says are still going on are always kept: a report on a node says little about that, since
 * the nodes that ran only tasks have none.
 *
 * <p>Work no published branch holds is saved first, as the command line's retention saves it:
 * snapshot refs {@code refs/parallel-agents/snapshots/<run>/...} in the workspace's repository,
 * recorded with the run's reports under {@code .parallel-agents/archive/<run>/}; both go {@code
 * keepSnapshotsDays} later. A run whose work cannot be saved keeps everything.
 */
public final class NodeRetention {

  /** How the reason of a run kept because its work could not be saved begins. */
  public static final String NOT_SAVED =
      "its work could not be saved, so nothing of it was removed: ";

  private final NodeRun run;
  private final Git git;
  private final Path top;
  private final Clock clock;

  /**
   * @param environment the host's environment on this node, passed to git
   * @throws EnvironmentException when git or the checkout cannot be used
   */
  public NodeRetention(NodeRun run, CommandRunner runner, Map<String, String> environment)
      throws EnvironmentException {
    this(run, runner, environment, Clock.systemUTC());
  }

  NodeRetention(NodeRun run, CommandRunner runner, Map<String, String> environment, Clock clock)
      throws EnvironmentException {
    NodeCheckout checkout = NodeCheckout.open(run, runner, environment);
    this.run = run;
    this.git = checkout.git();
    this.top = checkout.top();
    this.clock = clock;
  }

  /**
   * Removes the runs the plan's retention lets go.
   *
   * @param running ids of runs still going on elsewhere (other builds), kept whatever their age
   * @return what happened to each run found, the most recently active first, then the runs whose
   *     saved work expired
   */
  public List<CleanedRun> apply(Set<String> running) {
    CleanupSettings settings = run.plan().cleanup();
    Instant oldest = clock.instant().minus(Duration.ofDays(settings.keepDays()));
    List<Traces> runs = new WorkspaceRuns(run, git, top).list();
    List<String> targets = targets(runs);
    UnpublishedWork work = new UnpublishedWork(git, top);
    // The CLI's record of saved work, kept beside the runs: it says when their snapshots expire.
    Retention saved =
        new Retention(new StateRoot(run.workspace().resolve(NodeRun.FOLDER)), git, top, clock);
    List<CleanedRun> done = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      Traces traces = runs.get(i);
      if (traces.id().equals(run.runId())) {
        done.add(kept(traces, "the run of this build"));
      } else if (running.contains(traces.id())) {
        done.add(kept(traces, "its build is still running"));
      } else if (i >= settings.keepRuns()) {
        String reason = "beyond the " + settings.keepRuns() + " newest runs";
        done.add(remove(traces, reason, work, saved, targets));
      } else if (traces.lastActive().isBefore(oldest)) {
        String reason = "last active more than " + settings.keepDays() + " days ago";
        done.add(remove(traces, reason, work, saved, targets));
      } else {
        done.add(
            kept(
                traces,
                "one of the "
                    + settings.keepRuns()
                    + " newest runs, active less than "
                    + settings.keepDays()
                    + " days ago"));
      }
    }
    done.addAll(saved.expireSnapshots(settings));
    return done;
  }

  private static CleanedRun kept(Traces traces, String reason) {
    return new CleanedRun(traces.id(), Action.KEEP, reason, List.of(), false);
  }

  private CleanedRun remove(
      Traces traces,
      String reason,
      UnpublishedWork work,
      Retention retention,
      List<String> targets) {
    String id = traces.id();
    List<Path> trees = UnpublishedWork.trees(traces.worktrees());
    Map<String, String> branches = work.branches(id);
    List<SavedWork> saved;
    try {
      saved = work.save(id, trees, branches, base(traces), targets);
      if (!saved.isEmpty()) {
        retention.recordSaved(id, traces.runFolder(), saved);
      }
    } catch (IOException | RuntimeException e) {
      return new CleanedRun(id, Action.KEEP, NOT_SAVED + e.getMessage(), List.of(), false);
    }
    for (Path tree : trees) {
      TaskRepositories.delete(tree);
    }
    TaskRepositories.remove(traces.worktrees());
    work.removeBranches(id, branches);
    TaskRepositories.remove(traces.handoff());
    TaskRepositories.remove(traces.runFolder());
    return new CleanedRun(id, Action.REMOVE, reason, saved, false);
  }

  /**
   * The commit a leftover tree without a branch started from: the run's base where this node has
   * its report, else the checkout's commit (the tree's files are saved whole either way).
   */
  private String base(Traces traces) {
    RunReport report = traces.report();
    if (report != null && report.run().base() != null && report.run().base().commit() != null) {
      return report.run().base().commit();
    }
    return git.head(top);
  }

  /**
   * The commits that count as published: every target branch this workspace knows of (this run's,
   * and those of the reports it holds), where the checkout and its remotes have them now.
   */
  private List<String> targets(List<Traces> runs) {
    Set<String> names = new LinkedHashSet<>();
    names.add(run.start().target());
    for (Traces traces : runs) {
      RunReport report = traces.report();
      if (report != null) {
        PublishReport publish = report.publish();
        names.add(publish != null ? publish.branch() : null);
        names.add(report.run().target());
      }
    }
    names.remove(null);
    if (names.isEmpty()) {
      return List.of();
    }
    List<String> args =
        new ArrayList<>(List.of("for-each-ref", "--format=%(objectname) %(refname)"));
    for (String name : names) {
      args.add("refs/heads/" + name);
      args.add("refs/remotes/*/" + name);
    }
    List<String> commits = new ArrayList<>();
    for (String line : git.output(top, args.toArray(String[]::new)).split("\n")) {
      String[] parts = line.split(" ", 2);
      // A pattern also matches the refs below it: a target "agents" must not count a run's
      // branches agents/<run>/<task> as published.
      if (parts.length == 2 && isTarget(parts[1], names) && !commits.contains(parts[0])) {
        commits.add(parts[0]);
      }
    }
    return commits;
  }

  private static boolean isTarget(String ref, Set<String> names) {
    for (String name : names) {
      if (ref.equals("refs/heads/" + name)
          || ref.matches("refs/remotes/[^/]+/" + Pattern.quote(name))) {
        return true;
      }
    }
    return false;
  }
}
