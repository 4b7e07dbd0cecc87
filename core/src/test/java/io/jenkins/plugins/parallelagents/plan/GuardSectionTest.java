package io.jenkins.plugins.parallelagents.plan;

import static io.jenkins.plugins.parallelagents.plan.PlanTexts.parse;
import static io.jenkins.plugins.parallelagents.plan.PlanTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GuardSectionTest {

  private static final String HEAD = "version: 1\nname: demo\ntasks: [{id: a, prompt: p}]\n";

  @Test
  void noSection_isTheDefault() throws Exception {
    assertThat(parse(HEAD).guard()).isEqualTo(GuardSettings.DEFAULT);
    assertThat(GuardSettings.DEFAULT.maxFileSize()).isEqualTo(1024 * 1024);
    assertThat(GuardSettings.DEFAULT.secrets()).isTrue();
  }

  @Test
  void everyKey_isRead() throws Exception {
    Plan plan =
        parse(
            HEAD
                + "guard:\n  secrets: false\n  maxFileSize: 512KB\n  junk: [\"*.tmp\"]\n"
                + "  allow: [\"fixtures/**\"]\n  redact: [MY_SERVICE_PASS]\n");

    assertThat(plan.guard())
        .isEqualTo(
            new GuardSettings(
                false,
                512 * 1024,
                List.of("*.tmp"),
                List.of("fixtures/**"),
                List.of("MY_SERVICE_PASS")));
  }

  @Test
  void maxFileSize_asBytes_isRead() throws Exception {
    assertThat(parse(HEAD + "guard:\n  maxFileSize: 2048\n").guard().maxFileSize()).isEqualTo(2048);
  }

  @Test
  void maxFileSize_badSize_isReportedAtItsValue() {
    assertThat(problems(HEAD + "guard:\n  maxFileSize: 1 TB\n"))
        .containsExactly(
            "agents-plan.yaml:5:16: guard: 'maxFileSize' is '1 TB', which is not a number of"
                + " bytes or a size such as 512KB, 1MB or 2GB");
    assertThat(problems(HEAD + "guard:\n  maxFileSize: 0\n")).hasSize(1);
  }

  @Test
  void redact_badName_isReportedAtTheItem() {
    assertThat(problems(HEAD + "guard:\n  redact: [GOOD_NAME, \"bad name\"]\n"))
        .containsExactly(
            "agents-plan.yaml:5:23: guard: 'redact' names 'bad name', which is not an environment"
                + " variable name (letters, digits and _)");
  }

  @Test
  void unknownKey_suggestsTheNearest() {
    assertThat(problems(HEAD + "guard:\n  alow: [x]\n"))
        .singleElement()
        .asString()
        .contains("unknown key 'alow'", "did you mean 'allow'?");
  }
}
