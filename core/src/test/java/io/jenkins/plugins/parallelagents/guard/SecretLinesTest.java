package io.jenkins.plugins.parallelagents.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.secrets.Redactor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretLinesTest {

  private static List<String> find(String line) {
    return SecretLines.find(line, Redactor.NONE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DB_PASSWORD=Tr0ub4dor-and-3",
        "export STRIPE_SECRET=abc123def456",
        "password: \"Tr0ub4dor-and-3\"",
        "  \"apiKey\": \"abc123def456ghi\",",
        "client_secret = 'abc123def456' # prod",
      })
  void secretLookingAssignments_withRealValues_areFound(String line) {
    assertThat(find(line)).singleElement().asString().endsWith("=****");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "API_KEY=changeme",
        "API_KEY=${API_KEY}",
        "API_KEY=$API_KEY",
        "API_KEY=",
        "password: <your password>",
        "token: {{ vault_token }}",
        "api_key = os.environ[\"API_KEY\"]",
        "apiKey: config.apiKey",
        "const key = process.env.API_KEY;",
        "DEBUG=true-and-long",
        "TOKEN=xxxxxxxx",
        "PASSWORD=your_password_here",
        "SECRET_KEY=getSecret()",
      })
  void placeholdersAndReferences_areNotSecrets(String line) {
    assertThat(find(line)).isEmpty();
  }

  @Test
  void providerToken_isNamedWithItsPrefixMasked() {
    assertThat(find("GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ012345"))
        .containsExactly("GitHub token ghp_****");
  }

  @Test
  void aValueTheRunMasks_isASecret() {
    Redactor run = Redactor.of(Map.of("DEPLOY_TOKEN", "only-the-env-knows-1"), List.of());

    assertThat(SecretLines.find("curl -H only-the-env-knows-1", run))
        .containsExactly("environment secret or URL credentials ****");
    assertThat(SecretLines.find("curl -H nothing-secret", run)).isEmpty();
  }
}
