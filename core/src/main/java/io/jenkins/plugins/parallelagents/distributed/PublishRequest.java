package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;

/**
 * What the host is to publish: {@code commit} to {@code branch} on {@code remote} (null: the local
 * branch only), or, when {@code refusal} is set, why nothing may be published.
 */
public record PublishRequest(
    String remote, String branch, String commit, boolean force, String refusal) {

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
