package io.jenkins.plugins.parallelagents.plan;

import static io.jenkins.plugins.parallelagents.plan.PlanTexts.parse;
import static io.jenkins.plugins.parallelagents.plan.PlanTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentCarrySectionTest {

  private static final String HEAD = "version: 1\nname: demo\ntasks: [{id: a, prompt: p}]\n";

  @Test
  void noSection_carriesNothingFromThePlan() throws Exception {
    assertThat(parse(HEAD).environment().carry().patterns()).isEmpty();
  }

  @Test
  void carryPatterns_areReadAsWritten() throws Exception {
    Plan plan =
        parse(HEAD + "environment:\n  carry: [\".env\", \"config/local.yml\", \"certs/*.pem\"]\n");

    assertThat(plan.environment().carry().patterns())
        .containsExactly(".env", "config/local.yml", "certs/*.pem");
  }

  @Test
  void aPatternLeadingOutOfTheTree_isRefusedAtTheItem() {
    assertThat(problems(HEAD + "environment:\n  carry: [.env, ../x]\n"))
        .containsExactly(
            "agents-plan.yaml:5:17: environment: 'carry' pattern '../x' leads out of the"
                + " repository ('..')");
  }

  @Test
  void absoluteGitAndMultiLinePatterns_areRefused() {
    assertThat(
            problems(
                HEAD
                    + "environment:\n  carry:\n    - /etc/passwd\n    - .git/config\n"
                    + "    - \".env\\n../../x\"\n    - '!'\n"))
        .containsExactly(
            "agents-plan.yaml:6:7: environment: 'carry' pattern '/etc/passwd' is absolute;"
                + " patterns are relative to the repository's top (write it without the leading"
                + " '/')",
            "agents-plan.yaml:7:7: environment: 'carry' pattern '.git/config' is inside git's own"
                + " folder",
            "agents-plan.yaml:8:7: environment: 'carry' pattern '.env\\n../../x' holds a control"
                + " character (a line break, a tab); write one pattern each",
            "agents-plan.yaml:9:7: environment: 'carry' pattern '!' is empty");
  }

  @Test
  void anUnknownKeyOfTheSection_isReported() {
    assertThat(problems(HEAD + "environment:\n  cary: [.env]\n"))
        .singleElement()
        .asString()
        .startsWith("agents-plan.yaml:5:3: ")
        .contains("cary");
  }

  @Test
  void theSchemasPattern_acceptsWhatTheParserAccepts() {
    for (String pattern :
        List.of(
            ".env",
            "config/local.yml",
            "certs/*.pem",
            "!.env.example",
            "a..b",
            ".github/x",
            "../x",
            "a/../../x",
            "..",
            "/etc/passwd",
            "\\\\server\\x",
            "C:/x",
            ".git",
            "sub/.GIT/hooks",
            "#x",
            "!#x",
            "!",
            " ",
            "a\tb",
            "a\nb")) {
      assertThat(java.util.regex.Pattern.matches(CarrySettings.PATTERN, pattern))
          .as(pattern)
          .isEqualTo(CarrySettings.problem(pattern).isEmpty());
    }
  }

  @Test
  void theRecordRefusesWhatTheParserRefuses() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CarrySettings(List.of("../x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'../x' leads out of the repository");
  }
}
