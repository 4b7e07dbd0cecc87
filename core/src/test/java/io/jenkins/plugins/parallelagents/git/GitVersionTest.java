package io.jenkins.plugins.parallelagents.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitVersionTest {

  @Test
  void parsesWhatGitPrints_includingVendorSuffixes() {
    assertThat(GitVersion.parse("git version 2.39.5")).isEqualTo(new GitVersion(2, 39));
    assertThat(GitVersion.parse("git version 2.50.1 (Apple Git-155)"))
        .isEqualTo(new GitVersion(2, 50));
    assertThat(GitVersion.parse("git version 2.45.2.windows.1")).isEqualTo(new GitVersion(2, 45));
    assertThat(GitVersion.parse("bash: git: command not found")).isNull();
  }

  @Test
  void versionsBefore238_areBelowTheMinimum() {
    assertThat(new GitVersion(2, 37)).isLessThan(GitVersion.MINIMUM);
    assertThat(new GitVersion(2, 38)).isEqualByComparingTo(GitVersion.MINIMUM);
    assertThat(new GitVersion(3, 0)).isGreaterThan(GitVersion.MINIMUM);
  }
}
