package io.jenkins.plugins.parallelagents.merge;

import java.util.Objects;

/**
 * The target branch as it was found before the run, and judged fit to be replaced: publishing moves
 * it only from these commits, so that anything that moved it since is never overwritten.
 *
 * @param branch the target branch's name
 * @param localCommit the repository's target, or {@code null} when it did not exist
 * @param pushUrl where publishing pushes, or {@code null} without a remote
 * @param remoteCommit the remote's target, or {@code null} when it did not exist (or there is no
 *     remote)
 */
public record PublishTarget(
    String branch, String localCommit, String pushUrl, String remoteCommit) {

  public PublishTarget {
    Objects.requireNonNull(branch);
  }

  /** A target published to the repository's own branch only. */
  public static PublishTarget local(String branch, String localCommit) {
    return new PublishTarget(branch, localCommit, null, null);
  }
}
