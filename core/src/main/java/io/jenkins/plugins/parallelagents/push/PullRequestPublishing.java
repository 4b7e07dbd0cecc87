package io.jenkins.plugins.parallelagents.push;

import java.util.Optional;

/**
 * Whether a build may publish. A pull request's result is its author's code combined with agents'
 * work; pushing it takes the job's push credential, so it happens only when the Jenkinsfile asks
 * for it ({@code publishPullRequests: true}), and never for a pull request from a fork, whose
 * author the repository does not know. A pull request whose origin the build cannot tell is refused
 * as a fork would be: the check fails closed.
 */
public final class PullRequestPublishing {

  private PullRequestPublishing() {}

  /**
   * Why this build publishes nothing, or empty when it may publish.
   *
   * @param changeId the pull request's id, or {@code null} for a branch build
   * @param origin where the pull request comes from; not read for a branch build
   * @param optedIn whether the Jenkinsfile sets {@code publishPullRequests: true}
   */
  public static Optional<String> refusal(
      String changeId, PullRequestOrigin origin, boolean optedIn) {
    if (changeId == null) {
      return Optional.empty();
    }
    if (origin == PullRequestOrigin.FORK) {
      return Optional.of(
          "pull request " + changeId + " comes from a fork: its result is never published");
    }
    if (origin != PullRequestOrigin.SAME_REPOSITORY) {
      return Optional.of(
          "the build has CHANGE_ID "
              + changeId
              + " but its SCM source names no pull request, so whether it comes from a fork is"
              + " unknown: its result is never published (build pull requests in a multibranch"
              + " job)");
    }
    if (!optedIn) {
      return Optional.of(
          "pull request builds publish only when the Jenkinsfile sets publishPullRequests: true");
    }
    return Optional.empty();
  }
}
