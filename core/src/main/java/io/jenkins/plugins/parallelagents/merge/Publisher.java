package io.jenkins.plugins.parallelagents.merge;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves the target branch to the tested commit and, with a remote, pushes it. Never overwrites a
 * target that holds work the result does not contain, unless the plan says {@code force: true}.
 */
public final class Publisher {

  private final Git git;

  public Publisher(Git git) {
    this.git = git;
  }

  /**
   * @param targetAtStart the target's commit when the run began, or {@code null} if it did not
   *     exist: a target that moved since is not overwritten
   */
  public PublishReport publish(
      Path repo, String target, String commit, String targetAtStart, PublishSettings settings) {
    String remote = settings.remote();
    if (git.checkedOutBranches(repo).contains(target)) {
      return report(
          settings,
          target,
          commit,
          PublishStatus.REJECTED,
          "target '"
              + target
              + "' is checked out in a worktree; publishing would change that checkout");
    }
    String current = git.resolveCommit(repo, "refs/heads/" + target).orElse(null);
    if (!settings.force() && current != null && !current.equals(commit)) {
      boolean movedDuringRun = !current.equals(targetAtStart);
      if (movedDuringRun || !git.isAncestor(repo, current, commit)) {
        return report(
            settings,
            target,
            commit,
            PublishStatus.REJECTED,
            "target '"
                + target
                + "' "
                + (movedDuringRun
                    ? "moved during the run"
                    : "holds commits this result does not contain")
                + "; nothing was overwritten (delete the branch, or set publish.force: true)");
      }
    }
    if (remote != null) {
      CommandResult pushed = git.exec(repo, pushArgs(remote, target, commit, settings.force()));
      if (!pushed.ok()) {
        String detail = (pushed.stderr() + pushed.stdout()).strip();
        boolean rejected = detail.contains("[rejected]") || detail.contains("non-fast-forward");
        return report(
            settings,
            target,
            commit,
            rejected ? PublishStatus.REJECTED : PublishStatus.FAILED,
            "push to "
                + remote
                + " "
                + (rejected ? "was rejected" : "failed")
                + ": "
                + lastLine(detail));
      }
    }
    if (!git.compareAndSetBranch(repo, target, commit, current)) {
      return report(
          settings,
          target,
          commit,
          PublishStatus.REJECTED,
          "target '" + target + "' moved while publishing");
    }
    return report(
        settings,
        target,
        commit,
        remote == null ? PublishStatus.UPDATED : PublishStatus.PUSHED,
        null);
  }

  private static List<String> pushArgs(String remote, String target, String commit, boolean force) {
    List<String> args = new ArrayList<>(List.of("push", "--porcelain"));
    if (force) {
      args.add("--force");
    }
    args.add(remote);
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

  private static PublishReport report(
      PublishSettings settings, String target, String commit, PublishStatus status, String reason) {
    return new PublishReport(settings.remote(), target, commit, status, reason);
  }
}
