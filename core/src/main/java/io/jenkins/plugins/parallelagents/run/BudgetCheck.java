package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.plan.BudgetSettings;
import io.jenkins.plugins.parallelagents.usage.Spend;
import java.util.Locale;
import java.util.Optional;

/** Whether what the run's agents spent reaches the plan's budget, and how to say so. */
final class BudgetCheck {

  private BudgetCheck() {}

  /**
   * The reason no more work may start, or empty while the budget lasts. The cost counted is the
   * cost the agents' CLIs reported; an agent that reports none (Codex, Gemini CLI) counts against a
   * token budget only.
   */
  static Optional<String> spent(BudgetSettings budget, Spend spent) {
    if (budget == null) {
      return Optional.empty();
    }
    if (budget.costUsd() != null && spent.knownCostUsd() >= budget.costUsd()) {
      return Optional.of(
          "budget of "
              + dollars(budget.costUsd())
              + " spent ("
              + dollars(spent.knownCostUsd())
              + " used)");
    }
    long tokens = spent.tokens().total();
    if (budget.tokens() != null && tokens >= budget.tokens()) {
      return Optional.of(
          "budget of " + count(budget.tokens()) + " tokens spent (" + count(tokens) + " used)");
    }
    return Optional.empty();
  }

  static String dollars(double amount) {
    return String.format(Locale.ROOT, "$%,.2f", amount);
  }

  private static String count(long tokens) {
    return String.format(Locale.ROOT, "%,d", tokens);
  }
}
