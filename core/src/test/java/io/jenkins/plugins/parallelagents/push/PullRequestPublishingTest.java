package io.jenkins.plugins.parallelagents.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which builds push their result. */
class PullRequestPublishingTest {

  @Test
  void aBranchBuildPublishes() {
    assertThat(PullRequestPublishing.refusal(null, false, false)).isEmpty();
  }

  @Test
  void aPullRequestPublishesOnlyWhenTheJenkinsfileAsks() {
    assertThat(PullRequestPublishing.refusal("42", false, false))
        .hasValue(
            "pull request builds publish only when the Jenkinsfile sets publishPullRequests: true");
    assertThat(PullRequestPublishing.refusal("42", false, true)).isEmpty();
  }

  @Test
  void aPullRequestFromAForkNeverPublishes_evenWhenAsked() {
    assertThat(PullRequestPublishing.refusal("42", true, true))
        .hasValue("pull request 42 comes from a fork: its result is never published");
  }
}
