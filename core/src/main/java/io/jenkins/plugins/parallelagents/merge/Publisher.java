package io.jenkins.plugins.parallelagents.merge;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.lifecycle.Publication;
import io.jenkins.plugins.parallelagents.lifecycle.Publications;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Publishes the tested commit to the target branch, in two phases: with a remote, the push first
 * and the local branch only once the push went through, so that a failed or killed push never
 * leaves the local target ahead of the remote one. Each side moves only from the commit the run
 * found there ({@link PublishTarget}), so a target that someone moved since is never overwritten,
 * unless the plan says {@code force: true}.
 */
public final class Publisher {

  /** How long a push may take before it is given up (a remote that hangs, say). */
  private static final Duration PUSH_TIMEOUT = Duration.ofMinutes(10);

  private final Git git;
  private final Git network;
  private final Publications publications;

  /**
   * A publisher that records nothing: for hosts that judge the target by their own rules.
   *
   * @param git for local reads and ref updates
   * @param network for the push: a git whose commands a cancelled run kills
   */
  public Publisher(Git git, Git network) {
    this(git, network, null);
  }

  /**
   * @param publications where each publication is recorded, as an intent before anything moves and
   *     confirmed after, so that the next run of the plan knows the target as its own
   */
  public Publisher(Git git, Git network, Publications publications) {
    this.git = git;
    this.network = network;
    this.publications = publications;
  }

  /**
   * @param seen the target as preflight found it: each side is moved only from there
   * @param plan the plan's name, for the record
   * @param runId the run publishing, for the record
   */
  public PublishReport publish(
      Path repo,
      String commit,
      PublishTarget seen,
      PublishSettings settings,
      String plan,
      String runId) {
    String target = seen.branch();
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
    if (!settings.force() && !Objects.equals(current, seen.localCommit())) {
      return rejected(
          settings,
          target,
          commit,
          "target '"
              + target
              + "' moved since the run began (from "
              + shortId(seen.localCommit())
              + " to "
              + shortId(current)
              + "); nothing was overwritten");
    }
    Publication intent;
    try {
      intent = intend(seen, plan, runId, commit);
    } catch (IOException e) {
      return report(
          settings,
          target,
          commit,
          PublishStatus.FAILED,
          "nothing was published: the publication could not be recorded: " + e.getMessage());
    }
    if (seen.pushUrl() != null) {
      CommandResult pushed =
          network.exec(repo, pushArgs(seen, commit, settings.force()), PUSH_TIMEOUT);
      if (!pushed.ok()) {
        return pushFailed(settings, target, commit, pushed); // the local target stays where it was
      }
    }
    boolean localMoved = git.compareAndSetBranch(repo, target, commit, current);
    if (!localMoved && seen.pushUrl() == null) {
      return rejected(settings, target, commit, "target '" + target + "' moved while publishing");
    }
    confirm(intent);
    PublishStatus status = seen.pushUrl() != null ? PublishStatus.PUSHED : PublishStatus.UPDATED;
    if (!localMoved) {
      // The remote has the result; the local branch that someone moved meanwhile is theirs.
      return report(
          settings,
          target,
          commit,
          status,
          "the local branch '" + target + "' moved while publishing and was left as it is");
    }
    return report(settings, target, commit, status, null);
  }

  private Publication intend(PublishTarget seen, String plan, String runId, String commit)
      throws IOException {
    if (publications == null) {
      return null;
    }
    return publications.intend(
        seen.branch(), Publication.destination(seen.pushUrl()), plan, runId, commit, Instant.now());
  }

  /**
   * Marks the publication done. If that cannot be written, the intent still names the commit as
   * this plan's: the next run recognises it all the same.
   */
  private void confirm(Publication intent) {
    if (intent == null) {
      return;
    }
    try {
      publications.confirm(intent, Instant.now());
    } catch (IOException e) {
      // the intent recorded before the push is enough to recognise the target
    }
  }

  private static PublishReport pushFailed(
      PublishSettings settings, String target, String commit, CommandResult pushed) {
    String detail = (pushed.stderr() + pushed.stdout()).strip();
    boolean refused = detail.contains("[rejected]") || detail.contains("non-fast-forward");
    String why = detail.isEmpty() ? pushed.describeFailure("git push") : lastLine(detail);
    if (detail.contains("stale info")) {
      why = "the remote's '" + target + "' moved since the run began; nothing was overwritten";
    }
    return report(
        settings,
        target,
        commit,
        refused ? PublishStatus.REJECTED : PublishStatus.FAILED,
        "push to " + settings.remote() + " " + (refused ? "was rejected" : "failed") + ": " + why);
  }

  /**
   * The push replaces exactly the remote target preflight judged (a lease), or creates it only if
   * it still does not exist; never a blind {@code --force} unless the plan forces.
   */
  private static List<String> pushArgs(PublishTarget seen, String commit, boolean force) {
    String ref = "refs/heads/" + seen.branch();
    List<String> args = new ArrayList<>(List.of("push", "--porcelain"));
    if (force) {
      args.add("--force");
    } else {
      String expected = seen.remoteCommit() == null ? "" : seen.remoteCommit();
      args.add("--force-with-lease=" + ref + ":" + expected);
    }
    args.add("--end-of-options");
    args.add(seen.pushUrl());
    args.add(commit + ":" + ref);
    return args;
  }

  private static String shortId(String commit) {
    return commit == null ? "nothing" : commit.substring(0, Math.min(7, commit.length()));
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
