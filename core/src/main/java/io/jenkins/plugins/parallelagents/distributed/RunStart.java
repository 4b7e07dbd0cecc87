package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.database.DatabaseSource;
import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.lifecycle.RunIds;
import io.jenkins.plugins.parallelagents.plan.DatabaseSettings;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.run.Preflight;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What every step of a distributed run agrees on, fixed once when the plan is read: the run id, the
 * base commit all nodes start from, and the target branch.
 *
 * @param baseRef the base as named, for the report
 * @param startedAtMs when the run started (epoch milliseconds), for the makespan
 * @param changeId the pull request the run is for, or {@code null}
 */
public record RunStart(
    String runId,
    String baseRef,
    String baseCommit,
    String target,
    long startedAtMs,
    String changeId) {

  /**
   * Resolves the run's base and target in a checkout.
   *
   * <p>A CI checkout is usually a detached commit whose branches exist only as {@code
   * origin/<name>}; so the plan's {@code base} is looked up as named, then on {@code origin}. With
   * no {@code base} the checked-out commit is the base. A pull request ({@code changeId} not null)
   * always starts from its own head, the commit checked out, and publishes to {@code
   * agents/pr-<id>} so that it never touches the plan's target; see {@link #replacesTarget()}.
   */
  public static RunStart resolve(
      Git git, Plan plan, Path checkout, String runId, String changeId, long startedAtMs)
      throws EnvironmentException {
    return resolve(git, plan, checkout, runId, changeId, null, startedAtMs);
  }

  /**
   * The same, for a pull request whose head commit the host knows ({@code pullRequestHead}, from
   * the build's SCM revision; {@code null} when it does not). A pull request then starts from that
   * commit, which every node's checkout holds, rather than from the commit checked out: a checkout
   * that merges the pull request with its target makes that merge afresh on each node, with its own
   * id. With no head known, a checked-out merge is refused, since no other node could find it.
   */
  public static RunStart resolve(
      Git git,
      Plan plan,
      Path checkout,
      String runId,
      String changeId,
      String pullRequestHead,
      long startedAtMs)
      throws EnvironmentException {
    if (!RunIds.isValid(runId)) {
      throw new IllegalArgumentException(
          "a run id names branches and folders; '" + runId + "' cannot");
    }
    DatabaseSettings database = plan.environment().database();
    if (database != null && DatabaseSource.holdsPassword(database)) {
      // The host keeps the plan (Jenkins in the build's record): a password in it would stay
      // there, readable by whoever reads the build.
      throw new EnvironmentException(
          "environment.database.url holds a password, which the build would keep with the plan",
          "leave the password out of the URL and give it to the nodes as PGPASSWORD (a credentials"
              + " binding), or write url: ${NAME} and bind NAME to the whole URL");
    }
    Path top = Preflight.repository(git, checkout);
    String target = changeId == null ? plan.target() : pullRequestTarget(changeId);
    if (changeId != null) {
      return new RunStart(
          runId, "HEAD", pullRequestBase(git, top, pullRequestHead), target, startedAtMs, changeId);
    }
    String baseRef = plan.base() == null ? "HEAD" : plan.base();
    String commit =
        resolve(git, top, baseRef)
            .orElseThrow(
                () ->
                    new EnvironmentException(
                        "unknown base '"
                            + baseRef
                            + "': no branch, tag or commit of that name in "
                            + top
                            + ", nor on origin",
                        "fetch '"
                            + baseRef
                            + "' in the checkout, or set 'base:' in the plan to an existing"
                            + " branch"));
    return new RunStart(runId, baseRef, commit, target, startedAtMs, changeId);
  }

  private static String pullRequestBase(Git git, Path top, String declaredHead)
      throws EnvironmentException {
    if (declaredHead != null && !declaredHead.isBlank()) {
      Optional<String> head = git.resolveCommit(top, declaredHead.strip());
      if (head.isEmpty() || !git.isAncestor(top, head.get(), "HEAD")) {
        throw new EnvironmentException(
            "the pull request's head commit "
                + declaredHead.strip()
                + " is not in the commit checked out at "
                + top,
            "check out the pull request's own revision on every node");
      }
      return head.get();
    }
    String head =
        git.resolveCommit(top, "HEAD")
            .orElseThrow(() -> new EnvironmentException("no commit checked out in " + top, null));
    if (git.resolveCommit(top, "HEAD^2").isPresent()) {
      throw new EnvironmentException(
          "this pull request build checked out a merge commit ("
              + head
              + ") made on this node; every node makes its own, with another id, so tasks could"
              + " not share it as their base",
          "build the pull request's head revision (the discovery strategy \"The current pull"
              + " request revision\"), or use a source whose revisions name the head commit");
    }
    return head;
  }

  private static Optional<String> resolve(Git git, Path top, String ref) {
    Optional<String> commit = git.resolveCommit(top, ref);
    return commit.isPresent() ? commit : git.resolveCommit(top, "refs/remotes/origin/" + ref);
  }

  /**
   * Whether publishing replaces the target whatever it holds: a pull request's {@code
   * agents/pr-<id>} belongs to that pull request's runs alone, and each build's result supersedes
   * the last one's.
   */
  public boolean replacesTarget() {
    return changeId != null;
  }

  /** The branch a pull request's combined result goes to: {@code agents/pr-<id>}. */
  public static String pullRequestTarget(String changeId) {
    String id = changeId.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    return "agents/pr-" + id;
  }

  /**
   * A run id for a CI build: the job's name and the build number, made safe for branch names
   * ({@code my-folder-my-job-42} for build 42 of {@code My Folder/My Job}).
   */
  public static String runIdForBuild(String jobName, int buildNumber) {
    String job =
        jobName
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9._-]+", "-")
            .replaceAll("\\.{2,}", ".")
            .replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
    return (job.isEmpty() ? "build" : job) + "-" + buildNumber;
  }
}
