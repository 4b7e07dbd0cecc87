package io.jenkins.plugins.parallelagents.merge;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves the target branch to the tested commit and, with a remote, pushes it. Never overwrites a
 * target that holds work the result does not contain, unless the plan says {@code force: true}.
 */
public final class Publisher {

  /** How long a push may take before it is given up (a remote that hangs, say). */
  private static final Duration PUSH_TIMEOUT = Duration.ofMinutes(10);

  private final Git git;
  private final Git network;

  /**
   * @param git for local reads and ref updates
   * @param network for the push: a git whose commands a cancelled run kills
   */
  public Publisher(Git git, Git network) {
    this.git = git;
    this.network = network;
  }

  /**
   * @param targetAtStart the target's commit when the run began, or {@code null} if it did not
   *     exist: a target that moved since is not overwritten
   * @param pushUrl where to push, as read when the run began (the remote's URL in the repository's
   *     config may have been changed since), or {@code null} without a remote
   */
  public PublishReport publish(
      Path repo,
      String target,
      String commit,
      String targetAtStart,
      PublishSettings settings,
      String pushUrl) {
    if (git.checkedOutBranches(repo).contains(target)) {
      return rejected(
          settings,
          target,
          commit,
          "target '"
              + target
              + "' is checked out in a worktree; publishing would change that checkout");
    }
    String current = git.resolveCommit(repo, "refs/heads/" + target).orElse(null);
    if (!settings.force() && current != null && !current.equals(commit)) {
      boolean movedDuringRun = !current.equals(targetAtStart);
      if (movedDuringRun || !git.isAncestor(repo, current, commit)) {
        return rejected(
            settings,
            target,
            commit,
            "target '"
                + target
                + "' "
                + (movedDuringRun
                    ? "moved during the run"
                    : "holds commits this result does not contain")
                + "; nothing was overwritten (delete the branch, or set publish.force: true)");
      }
    }
    // The local branch first: if it moved meanwhile, nothing has gone out yet.
    if (!git.compareAndSetBranch(repo, target, commit, current)) {
      return rejected(settings, target, commit, "target '" + target + "' moved while publishing");
    }
    if (settings.remote() == null) {
      return report(settings, target, commit, PublishStatus.UPDATED, null);
    }
    CommandResult pushed =
        network.exec(repo, pushArgs(pushUrl, target, commit, settings.force()), PUSH_TIMEOUT);
    if (pushed.ok()) {
      return report(settings, target, commit, PublishStatus.PUSHED, null);
    }
    git.compareAndSetBranch(repo, target, current, commit); // back to how the run found it
    String detail = (pushed.stderr() + pushed.stdout()).strip();
    boolean refused = detail.contains("[rejected]") || detail.contains("non-fast-forward");
    String why = detail.isEmpty() ? pushed.describeFailure("git push") : lastLine(detail);
    return report(
        settings,
        target,
        commit,
        refused ? PublishStatus.REJECTED : PublishStatus.FAILED,
        "push to " + settings.remote() + " " + (refused ? "was rejected" : "failed") + ": " + why);
  }

  private static List<String> pushArgs(String url, String target, String commit, boolean force) {
    List<String> args = new ArrayList<>(List.of("push", "--porcelain"));
    if (force) {
      args.add("--force");
    }
    args.add("--end-of-options");
    args.add(url);
    args.add(commit + ":refs/heads/" + target);
    return args;
  }

  private static String lastLine(String text) {
    String[] lines = text.split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      String line = lines[i].strip();
      if (!line.isEmpty() && !line.equals("Done")) {
        return line;
      }
    }
    return text;
  }

  private static PublishReport rejected(
      PublishSettings settings, String target, String commit, String reason) {
    return report(settings, target, commit, PublishStatus.REJECTED, reason);
  }

  private static PublishReport report(
      PublishSettings settings, String target, String commit, PublishStatus status, String reason) {
    return new PublishReport(settings.remote(), target, commit, status, reason);
  }
}
