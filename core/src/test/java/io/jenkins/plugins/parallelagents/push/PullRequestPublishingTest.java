package io.jenkins.plugins.parallelagents.push;

import static io.jenkins.plugins.parallelagents.push.PullRequestOrigin.FORK;
import static io.jenkins.plugins.parallelagents.push.PullRequestOrigin.SAME_REPOSITORY;
import static io.jenkins.plugins.parallelagents.push.PullRequestOrigin.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which builds push their result. */
class PullRequestPublishingTest {

  @Test
  void aBranchBuildPublishes() {
    assertThat(PullRequestPublishing.refusal(null, UNKNOWN, false)).isEmpty();
  }

  @Test
  void aPullRequestPublishesOnlyWhenTheJenkinsfileAsks() {
    assertThat(PullRequestPublishing.refusal("42", SAME_REPOSITORY, false))
        .hasValue(
            "pull request builds publish only when the Jenkinsfile sets publishPullRequests: true");
    assertThat(PullRequestPublishing.refusal("42", SAME_REPOSITORY, true)).isEmpty();
  }

  @Test
  void aPullRequestFromAForkNeverPublishes_evenWhenAsked() {
    assertThat(PullRequestPublishing.refusal("42", FORK, true))
        .hasValue("pull request 42 comes from a fork: its result is never published");
  }

  @Test
  void aPullRequestWhoseOriginIsUnknown_isRefusedAsAForkWouldBe_evenWhenAsked() {
    assertThat(PullRequestPublishing.refusal("42", UNKNOWN, true))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .startsWith("the build has CHANGE_ID 42 but its SCM source names no pull")
                    .contains("never published"));
    assertThat(PullRequestPublishing.refusal("42", null, true)).isPresent();
  }
}
