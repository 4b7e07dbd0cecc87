package io.jenkins.plugins.parallelagents.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BranchNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "agents/demo",
        "main",
        "feature/x-1.2",
        "a_b",
        "release/2026.1",
        "x@y",
        "a.lock.b"
      })
  void problem_validNames_haveNone(String name) {
    assertThat(BranchName.problem(name)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-x|it starts with '-'",
        "/x|it starts with '/'",
        "x/|it ends with '/'",
        "x.|it ends with '.'",
        ".x|a part of it starts with '.'",
        "a/.x|a part of it starts with '.'",
        "a..b|it contains '..'",
        "a//b|it contains '//'",
        "a@{b|it contains '@{'",
        "a.lock|a part of it ends with '.lock'",
        "a.lock/b|a part of it ends with '.lock'",
        "@|it is '@'",
        "a b|it contains a space, a control character or one of ~ ^ : ? * [ \\",
        "a~1|it contains a space, a control character or one of ~ ^ : ? * [ \\",
        "a:b|it contains a space, a control character or one of ~ ^ : ? * [ \\",
      })
  void problem_invalidNames_sayWhy(String name, String reason) {
    assertThat(BranchName.problem(name)).contains(reason);
  }

  @org.junit.jupiter.api.Test
  void problem_emptyOrNewline_isRefused() {
    assertThat(BranchName.problem("")).contains("it is empty");
    assertThat(BranchName.problem("a\nb")).isPresent();
  }
}
