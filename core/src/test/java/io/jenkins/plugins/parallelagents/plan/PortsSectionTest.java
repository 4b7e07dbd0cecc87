package io.jenkins.plugins.parallelagents.plan;

import static io.jenkins.plugins.parallelagents.plan.PlanTexts.parse;
import static io.jenkins.plugins.parallelagents.plan.PlanTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PortsSectionTest {

  private static final String HEAD = "version: 1\nname: demo\ntasks: [{id: a, prompt: p}]\n";

  @Test
  void noSection_noPorts() throws Exception {
    assertThat(parse(HEAD).environment().ports().isEmpty()).isTrue();
  }

  @Test
  void portsAreRead_inFileOrder() throws Exception {
    Plan plan = parse(HEAD + "environment:\n  ports: { PORT: 3000, API_PORT: 4000 }\n");

    assertThat(plan.environment().ports().bases())
        .containsExactly(Map.entry("PORT", 3000), Map.entry("API_PORT", 4000));
  }

  @Test
  void aPrivilegedPort_isRefusedAtItsValue() {
    assertThat(problems(HEAD + "environment:\n  ports:\n    PORT: 80\n"))
        .containsExactly(
            "agents-plan.yaml:6:11: environment.ports: 'PORT' must be at least 1024, not 80");
  }

  @Test
  void aPortAboveTheLastOne_isRefused() {
    assertThat(problems(HEAD + "environment:\n  ports:\n    PORT: 70000\n"))
        .containsExactly(
            "agents-plan.yaml:6:11: environment.ports: 'PORT' must be at most 65535, not 70000");
  }

  @Test
  void aPortThatIsNotANumber_isRefused() {
    assertThat(problems(HEAD + "environment:\n  ports:\n    PORT: \"x\"\n"))
        .containsExactly(
            "agents-plan.yaml:6:11: environment.ports: 'PORT' must be a whole number, not 'x'");
  }

  @Test
  void aVariableEveryStepNeeds_isRefusedAtItsName() {
    assertThat(problems(HEAD + "environment:\n  ports:\n    PATH: 3000\n"))
        .containsExactly(
            "agents-plan.yaml:6:5: environment.ports: 'PATH' is a variable every step needs as it"
                + " is; choose another name");
  }

  @Test
  void theEnginesOwnVariables_areRefused() {
    assertThat(
            problems(HEAD + "environment:\n  ports:\n    AGENT_PORT: 3000\n    GIT_PORT: 3100\n"))
        .containsExactly(
            "agents-plan.yaml:6:5: environment.ports: 'AGENT_PORT' starts with 'AGENT_', which the"
                + " engine's own variables use; choose another",
            "agents-plan.yaml:7:5: environment.ports: 'GIT_PORT' starts with 'GIT_', which the"
                + " engine's own variables use; choose another");
  }

  @Test
  void aNameThatIsNoVariable_isRefused() {
    assertThat(problems(HEAD + "environment:\n  ports:\n    web-port: 3000\n    1PORT: 3100\n"))
        .containsExactly(
            "agents-plan.yaml:6:5: environment.ports: 'web-port' is not a valid environment"
                + " variable name: use letters, digits and '_', not starting with a digit",
            "agents-plan.yaml:7:5: environment.ports: '1PORT' is not a valid environment variable"
                + " name: use letters, digits and '_', not starting with a digit");
  }

  @Test
  void aNameWrittenTwice_isReported() {
    assertThat(problems(HEAD + "environment:\n  ports:\n    PORT: 3000\n    PORT: 3100\n"))
        .containsExactly(
            "agents-plan.yaml:7:5: environment.ports: key 'PORT' appears twice (first on line 6)");
  }

  @Test
  void portsThatAreNoMapping_andUnknownKeys_areReported() {
    assertThat(problems(HEAD + "environment:\n  ports: [3000]\n  port: 3000\n"))
        .containsExactly(
            "agents-plan.yaml:5:10: environment: 'ports' must be a mapping of keys to values, not"
                + " a list",
            "agents-plan.yaml:6:3: environment: unknown key 'port' (did you mean 'ports'?)");
  }
}
