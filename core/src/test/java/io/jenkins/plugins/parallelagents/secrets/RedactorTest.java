package io.jenkins.plugins.parallelagents.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void secretLookingVariables_areMasked_othersAreNot() {
    Redactor redactor =
        Redactor.of(
            Map.of(
                "GITHUB_TOKEN", "value-of-the-token",
                "DB_PASSWORD", "value-of-the-password",
                "apiKey", "value-of-the-api-key",
                "HOME", "/home/builder"),
            List.of());

    assertThat(
            redactor.redact(
                "t=value-of-the-token p=value-of-the-password k=value-of-the-api-key"
                    + " h=/home/builder"))
        .isEqualTo("t=**** p=**** k=**** h=/home/builder");
  }

  @Test
  void extraNames_maskVariablesWhateverTheirNames() {
    Redactor redactor = Redactor.of(Map.of("MY_SERVICE_PASS", "hunter2-pass"), List.of());
    Redactor named =
        Redactor.of(Map.of("MY_SERVICE_PASS", "hunter2-pass"), List.of("MY_SERVICE_PASS"));

    assertThat(redactor.redact("pass hunter2-pass")).isEqualTo("pass hunter2-pass");
    assertThat(named.redact("pass hunter2-pass")).isEqualTo("pass ****");
  }

  @Test
  void shortValues_areNotMasked() {
    Redactor redactor = Redactor.of(Map.of("AUTH_ENABLED", "true", "SECRET_ID", "1"), List.of());

    assertThat(redactor.redact("enabled: true, id 1")).isEqualTo("enabled: true, id 1");
  }

  @Test
  void longestValueFirst_masksAContainingValueWhole() {
    Redactor redactor =
        Redactor.of(Map.of("A_TOKEN", "abcdef", "B_TOKEN", "abcdef-and-more"), List.of());

    assertThat(redactor.redact("x abcdef-and-more y")).isEqualTo("x **** y");
  }

  @Test
  void escapedForms_areMaskedToo() {
    Redactor redactor = Redactor.of(Map.of("X_SECRET", "a\"b<c>&d'e"), List.of());

    assertThat(redactor.redact("{\"v\": \"a\\\"b<c>&d'e\"}")).isEqualTo("{\"v\": \"****\"}");
    assertThat(redactor.redact("<td>a&quot;b&lt;c&gt;&amp;d&#39;e</td>"))
        .isEqualTo("<td>****</td>");
  }

  @Test
  void eachLineOfAMultiLineValue_isMaskedOnItsOwn() {
    String key =
        "-----BEGIN OPENSSH PRIVATE KEY-----\n"
            + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
            + "  QyNTUxOQAAACBq7cPQ2t0Tq3KZlS3e  \n"
            + "-----END OPENSSH PRIVATE KEY-----\n";
    Redactor redactor = Redactor.of(Map.of("DEPLOY_KEY", key), List.of());

    assertThat(
            redactor.redact(
                "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"))
        .isEqualTo("****");
    assertThat(redactor.redact("> QyNTUxOQAAACBq7cPQ2t0Tq3KZlS3e")).isEqualTo("> ****");
  }

  @Test
  void aValueEndingInANewline_isMaskedWithoutIt() {
    Redactor redactor = Redactor.of(Map.of("NPM_TOKEN", "npm-file-token-2231\n"), List.of());

    assertThat(redactor.redact("token npm-file-token-2231 used")).isEqualTo("token **** used");
  }

  @Test
  void urlEncodedAndSlashEscapedForms_areMasked() {
    Redactor redactor = Redactor.of(Map.of("API_TOKEN", "ab/cd+ef=gh"), List.of());

    assertThat(redactor.redact("GET /x?t=ab%2Fcd%2Bef%3Dgh")).isEqualTo("GET /x?t=****");
    assertThat(redactor.redact("{\"t\":\"ab\\/cd+ef=gh\"}")).isEqualTo("{\"t\":\"****\"}");
  }

  @Test
  void urlCredentials_areMasked_plainSshUsersAreNot() {
    Redactor redactor = Redactor.of(Map.of(), List.of());

    assertThat(redactor.redact("push to https://user:tok3n@github.com/o/r.git failed"))
        .isEqualTo("push to https://****@github.com/o/r.git failed");
    assertThat(redactor.redact("https://ghtoken123@github.com/o/r.git"))
        .isEqualTo("https://****@github.com/o/r.git");
    assertThat(redactor.redact("ssh://git@github.com/o/r.git"))
        .isEqualTo("ssh://git@github.com/o/r.git");
    assertThat(redactor.redact("see https://example.com:8080/a@b"))
        .isEqualTo("see https://example.com:8080/a@b");
  }

  @Test
  void providerTokens_areMaskedKeepingTheirPrefix() {
    Redactor redactor = Redactor.of(Map.of(), List.of());

    assertThat(redactor.redact("token ghp_" + "a".repeat(36) + " end"))
        .isEqualTo("token ghp_**** end");
  }

  @Test
  void none_masksNothing() {
    String text = "https://user:pw@host ghp_" + "a".repeat(36);

    assertThat(Redactor.NONE.redact(text)).isEqualTo(text);
  }
}
