package io.jenkins.plugins.parallelagents.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenFormatsTest {

  @ParameterizedTest
  @CsvSource({
    "AKIAIOSFODNN7EXAMPL1, AWS access key id",
    "ghp_0123456789abcdefghijABCDEFGHIJ012345, GitHub token",
    "gho_0123456789abcdefghijABCDEFGHIJ012345, GitHub token",
    "ghs_0123456789abcdefghijABCDEFGHIJ012345, GitHub token",
    "ghu_0123456789abcdefghijABCDEFGHIJ012345, GitHub token",
    "github_pat_11ABCDEFG0123456789_abcdefghijklmnop, GitHub token",
    "glpat-abcdefghij0123456789, GitLab token",
    "sk-ant-api03-abcdefghij0123456789XYZ, Anthropic API key",
    "sk-proj-abcdefghij0123456789XYZabc, OpenAI API key",
    "sk-abcdefghij0123456789ABCDEFGHIJ0123456789abcdefgh, OpenAI API key",
    "AIzaSyA0123456789abcdefghijklmnopqrstuv, Google API key",
    "xoxb-0123456789-abcdefghij, Slack token",
    "sk_live_0123456789abcdefghijABCD, Stripe key",
    "rk_live_0123456789abcdefghijABCD, Stripe key",
    "npm_0123456789abcdefghijABCDEFGHIJ012345, npm token",
    "-----BEGIN RSA PRIVATE KEY-----, private key",
    "-----BEGIN OPENSSH PRIVATE KEY-----, private key",
  })
  void providerFormats_areFound(String token, String name) {
    assertThat(TokenFormats.find("key = \"" + token + "\""))
        .singleElement()
        .satisfies(match -> assertThat(match.format().name()).isEqualTo(name));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "the sk-loading-spinner-container-large class",
        "ghp_short",
        "AKIA is a prefix",
        "-----BEGIN PUBLIC KEY-----",
        "npm_config_cache=/tmp/npm",
        "AIza too short",
      })
  void lookalikes_areNotFound(String line) {
    assertThat(TokenFormats.find(line)).isEmpty();
  }

  @Test
  void mask_keepsThePrefixAndTheRestOfTheLine() {
    assertThat(TokenFormats.mask("a sk-ant-api03-abcdefghij0123456789XYZ b"))
        .isEqualTo("a sk-ant-**** b");
  }
}
