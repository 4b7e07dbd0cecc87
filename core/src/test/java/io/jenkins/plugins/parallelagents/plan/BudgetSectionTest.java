package io.jenkins.plugins.parallelagents.plan;

import static io.jenkins.plugins.parallelagents.plan.PlanTexts.parse;
import static io.jenkins.plugins.parallelagents.plan.PlanTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BudgetSectionTest {

  private static final String HEAD = "version: 1\nname: demo\ntasks: [{id: a, prompt: p}]\n";

  @Test
  void noSection_noBudget() throws Exception {
    assertThat(parse(HEAD).budget()).isNull();
  }

  @Test
  void tokensAndCost_areRead() throws Exception {
    assertThat(parse(HEAD + "budget: {tokens: 2000000, costUsd: 25}\n").budget())
        .isEqualTo(new BudgetSettings(2_000_000L, 25.0));
    assertThat(parse(HEAD + "budget:\n  costUsd: 7.5\n").budget())
        .isEqualTo(new BudgetSettings(null, 7.5));
    assertThat(parse(HEAD + "budget:\n  tokens: 500\n").budget())
        .isEqualTo(new BudgetSettings(500L, null));
  }

  @Test
  void aBudgetWithoutALimit_isReported() {
    assertThat(problems(HEAD + "budget: {}\n"))
        .containsExactly(
            "agents-plan.yaml:4:9: budget: it sets no limit; give 'tokens' (input plus output),"
                + " 'costUsd' (US dollars) or both");
  }

  @Test
  void wrongValues_areReportedWhereTheyAreWritten() {
    assertThat(problems(HEAD + "budget:\n  tokens: -5\n  costUsd: '25 dollars'\n"))
        .containsExactly(
            "agents-plan.yaml:5:11: budget: 'tokens' must be from 1 to 1000000000000, not -5",
            "agents-plan.yaml:6:12: budget: 'costUsd' must be a number of US dollars such as 25"
                + " or 7.50, not '25 dollars'");
    assertThat(problems(HEAD + "budget:\n  tokens: 1.5\n  costUsd: 0\n"))
        .containsExactly(
            "agents-plan.yaml:5:11: budget: 'tokens' must be a whole number of tokens such as"
                + " 2000000, not 1.5",
            "agents-plan.yaml:6:12: budget: 'costUsd' must be more than 0 and at most 1000000, not"
                + " 0");
    assertThat(problems(HEAD + "budget:\n  tokens: 99999999999999999999999\n  costUsd: .inf\n"))
        .containsExactly(
            "agents-plan.yaml:5:11: budget: 'tokens' must be from 1 to 1000000000000, not"
                + " 99999999999999999999999",
            "agents-plan.yaml:6:12: budget: 'costUsd' must be a number of US dollars such as 25"
                + " or 7.50, not .inf");
  }

  @Test
  void anUnknownKeyOrAListInsteadOfANumber_isReported() {
    assertThat(problems(HEAD + "budget:\n  dollars: 5\n  tokens: [1]\n"))
        .containsExactly(
            "agents-plan.yaml:5:3: budget: unknown key 'dollars'; the keys here are tokens, costUsd",
            "agents-plan.yaml:6:11: budget: 'tokens' must be a number, not a list");
  }
}
