package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.lifecycle.Publications;
import io.jenkins.plugins.parallelagents.merge.PublishTarget;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.secrets.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Judges, before any agent runs, whether the run's result may replace the target branch, locally
 * and on the remote. A target may be replaced when it does not exist, when the base contains it (a
 * fast-forward), when it is exactly a commit this tool published for the same plan (so a plan runs
 * again and again), or when the plan forces. Anything else is someone else's work: the run stops
 * before it spends anything, naming the commits in the way.
 */
public final class PublishPreflight {

  /** Reading one ref from the remote; a remote that hangs longer than this is not reachable. */
  static final Duration REMOTE_READ_TIMEOUT = Duration.ofMinutes(2);

  /** Commits named in a refusal; the count says how many more there are. */
  private static final int SHOWN_COMMITS = 5;

  private static final String FIX =
      "to replace it, pass --force-publish (or set publish.force: true in the plan); to keep it,"
          + " publish elsewhere with --target NAME (or another 'target:' in the plan), or merge it"
          + " into the base";

  private final Git git;
  private final Git network;
  private final Path top;

  private PublishPreflight(Git git, Git network, Path top) {
    this.git = git;
    this.network = network;
    this.top = top;
  }

  /**
   * @param git for reads in the user's repository
   * @param network for reading the remote's target: a git with the user's credentials, whose
   *     commands a cancelled run kills
   * @param checked the repository as preflight found it: its base, local target and push URL
   * @param publications what this tool published from this repository before
   * @param redactor masks the run's secrets (credentials in the remote's URL) in the refusal
   * @return the target as found, which publishing replaces only if it is still there
   * @throws EnvironmentException when the target holds someone else's work, or the remote cannot be
   *     read
   */
  public static PublishTarget check(
      Git git,
      Git network,
      Plan plan,
      Preflight.Checked checked,
      Publications publications,
      Redactor redactor)
      throws EnvironmentException {
    try {
      return new PublishPreflight(git, network, checked.top()).judge(plan, checked, publications);
    } catch (EnvironmentException e) {
      throw new EnvironmentException(redactor.redact(e.getMessage()), redactor.redact(e.fix()));
    }
  }

  private PublishTarget judge(Plan plan, Preflight.Checked checked, Publications publications)
      throws EnvironmentException {
    String target = plan.target();
    String pushUrl = checked.pushUrl();
    String local = checked.targetCommit();
    String remote = pushUrl == null ? null : remoteTarget(pushUrl, plan);
    if (!plan.publish().force()) {
      String base = checked.baseCommit();
      // Any publication from this repository moved its local target, whatever it pushed to.
      if (local != null
          && !git.isAncestor(top, local, base)
          && !publications.isOwn(target, null, plan.name(), local)) {
        throw refused("target '" + target + "'", local, base, plan);
      }
      if (remote != null
          && !(known(remote) && git.isAncestor(top, remote, base))
          && !publications.isOwn(target, pushUrl, plan.name(), remote)) {
        throw refused("target '" + target + "' on " + plan.publish().remote(), remote, base, plan);
      }
    }
    return new PublishTarget(target, local, pushUrl, remote);
  }

  /** The remote's target commit, or {@code null} when the remote has no such branch. */
  private String remoteTarget(String pushUrl, Plan plan) throws EnvironmentException {
    String ref = "refs/heads/" + plan.target();
    CommandResult listed =
        network.exec(
            top, List.of("ls-remote", "--end-of-options", pushUrl, ref), REMOTE_READ_TIMEOUT);
    if (!listed.ok()) {
      String detail = (listed.stderr() + listed.stdout()).strip();
      throw new EnvironmentException(
          "cannot read target '"
              + plan.target()
              + "' from remote '"
              + plan.publish().remote()
              + "': "
              + (detail.isEmpty() ? listed.describeFailure("git ls-remote") : lastLine(detail)),
          "check that the remote is reachable and that you may read it, then run again");
    }
    // ls-remote matches patterns by their tail: only the exact ref is the target.
    return listed
        .stdout()
        .lines()
        .map(line -> line.split("\t", 2))
        .filter(fields -> fields.length == 2 && fields[1].equals(ref))
        .map(fields -> fields[0])
        .findFirst()
        .orElse(null);
  }

  private boolean known(String commit) {
    return git.resolveCommit(top, commit).isPresent();
  }

  private EnvironmentException refused(String where, String commit, String base, Plan plan) {
    String notOurs = "that neither the base contains nor an earlier run of plan '" + plan.name();
    if (!known(commit)) {
      return new EnvironmentException(
          where
              + " is at "
              + commit.substring(0, 7)
              + ", a commit "
              + notOurs
              + "' published, and which this repository does not have (fetch it to see it)",
          FIX);
    }
    String range = base + ".." + commit;
    int count = Integer.parseInt(git.output(top, "rev-list", "--count", range));
    List<String> shown =
        git.output(
                top,
                "log",
                "--no-decorate",
                "--no-color",
                "--no-show-signature",
                "--format=%h %s",
                "-n",
                String.valueOf(SHOWN_COMMITS),
                range)
            .lines()
            .toList();
    String more = count > shown.size() ? "; and " + (count - shown.size()) + " more" : "";
    return new EnvironmentException(
        where
            + " holds "
            + count
            + (count == 1 ? " commit " : " commits ")
            + notOurs
            + "' published: "
            + String.join("; ", shown)
            + more,
        FIX);
  }

  private static String lastLine(String text) {
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    return lines.isEmpty() ? text : lines.get(lines.size() - 1);
  }
}
