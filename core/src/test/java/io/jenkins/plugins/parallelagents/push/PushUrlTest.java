package io.jenkins.plugins.parallelagents.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The push URL comes from the job's SCM configuration, by the plan's remote name. */
class PushUrlTest {

  private static final List<PushRemote> CONFIGURED =
      List.of(
          new PushRemote(null, "https://git.example.com/team/app.git"),
          new PushRemote("upstream", "git@git.example.com:core/app.git"));

  @Test
  void theRemoteIsFoundByName_anUnnamedOneBeingOrigin() throws Exception {
    assertThat(PushUrl.select(CONFIGURED, "origin"))
        .isEqualTo("https://git.example.com/team/app.git");
    assertThat(PushUrl.select(CONFIGURED, "upstream"))
        .isEqualTo("git@git.example.com:core/app.git");
  }

  @Test
  void aRemoteTheConfigurationDoesNotHave_isNamedInTheError() {
    assertThatThrownBy(() -> PushUrl.select(CONFIGURED, "evil"))
        .isInstanceOf(PushException.class)
        .hasMessage(
            "the job's SCM configuration has no remote 'evil' (the plan's publish.remote); it has"
                + " origin, upstream");
  }

  @Test
  void aJobWithoutGitConfiguration_hasNothingToPushTo() {
    assertThatThrownBy(() -> PushUrl.select(List.of(), "origin"))
        .isInstanceOf(PushException.class)
        .hasMessageContaining("never in the workspace");
  }

  @Test
  void urlsThatRunACommandOrReadAsAnOption_areRefused() {
    for (String url :
        List.of("ext::sh -c touch% /tmp/x", "FD::3", "--upload-pack=touch /tmp/x", " ")) {
      assertThatThrownBy(() -> PushUrl.select(List.of(new PushRemote("origin", url)), "origin"))
          .isInstanceOf(PushException.class)
          .hasMessageContaining("has no URL to push to");
    }
  }
}
