package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;

/**
 * What the host is to publish: {@code commit} to {@code branch} on {@code remote} (null: the local
 * branch only), or, when {@code refusal} is set, why nothing may be published.
 */
public record PublishRequest(
    String remote, String branch, String commit, boolean force, String refusal) {

  /**
   * What to publish, or why nothing may be, from the report the merge returned to the host: only a
   * combined and tested result whose publish is pending goes out (a combination of some of the
   * tasks, the others set aside, included).
   *
   * <p>A host that runs the merge on another machine passes the copy of the report that the merge
   * call returned, never the {@code report.json} in the workspace: whatever runs there between the
   * merge and the publish (a later step, a process an agent left behind) can rewrite that file and
   * name an untested commit.
   *
   * @param merged the report as the merge returned it
   * @param plan the plan as the host holds it
   * @param start the run's start as the host holds it
   */
  public static PublishRequest of(RunReport merged, Plan plan, RunStart start) {
    PublishReport publish = merged.publish();
    if (publish.status() != PublishStatus.PENDING) {
      return refused(
          "nothing to publish: "
              + (publish.reason() != null ? publish.reason() : "publish is " + publish.status()));
    }
    if (!merged.merge().status().hasCombination()) {
      return refused("nothing to publish: the merge did not complete");
    }
    return new PublishRequest(
        publish.remote(),
        publish.branch(),
        publish.commit(),
        plan.publish().force() || start.replacesTarget(),
        null);
  }

  static PublishRequest refused(String why) {
    return new PublishRequest(null, null, null, false, why);
  }

  public boolean allowed() {
    return refusal == null;
  }

  /** The push went through. */
  public PublishReport pushed() {
    return new PublishReport(remote, branch, commit, PublishStatus.PUSHED, null);
  }

  /**
   * The push failed with git's {@code message}: a remote that refused to move the branch (it holds
   * work this result does not contain) is {@code REJECTED}, anything else {@code FAILED}.
   */
  public PublishReport failed(String message) {
    String text = message == null ? "" : message;
    boolean refused =
        text.contains("[rejected]")
            || text.contains("non-fast-forward")
            || text.contains("fetch first")
            || text.contains("stale info");
    return new PublishReport(
        remote,
        branch,
        commit,
        refused ? PublishStatus.REJECTED : PublishStatus.FAILED,
        "push to " + remote + " " + (refused ? "was rejected" : "failed") + ": " + text.strip());
  }
}
