package io.jenkins.plugins.parallelagents.report;

import io.jenkins.plugins.parallelagents.usage.Spend;
import io.jenkins.plugins.parallelagents.usage.Tokens;
import java.util.Locale;

/**
 * Tokens and cost in words, the same in every report and in the command line's summary. A cost the
 * agents did not report reads "cost unknown", never $0.
 */
public final class UsageText {

  private UsageText() {}

  /** {@code 12,345 in (10,000 cached) · 678 out}. */
  public static String tokens(Tokens tokens) {
    StringBuilder text = new StringBuilder(count(tokens.input())).append(" in");
    if (tokens.cachedInput() > 0) {
      text.append(" (").append(count(tokens.cachedInput())).append(" cached)");
    }
    return text.append(" · ").append(count(tokens.output())).append(" out").toString();
  }

  /** {@code $0.42}, {@code $0.42 + unknown} when part is unknown, or {@code cost unknown}. */
  public static String cost(Spend spend) {
    if (spend.costUsd() != null) {
      return dollars(spend.costUsd());
    }
    return spend.knownCostUsd() > 0 ? dollars(spend.knownCostUsd()) + " + unknown" : "cost unknown";
  }

  /** Tokens and cost together, or {@code null} when no attempt reported usage. */
  public static String of(Spend spend) {
    if (spend == null || spend.attempts() == 0) {
      return null;
    }
    return tokens(spend.tokens()) + " · " + cost(spend);
  }

  public static String dollars(double amount) {
    return String.format(Locale.ROOT, "$%,.2f", amount);
  }

  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** The plan's budget: {@code $25.00 or 2,000,000 tokens}. */
  static String budget(BudgetReport budget) {
    String cost = budget.costUsd() == null ? null : dollars(budget.costUsd());
    String tokens = budget.tokens() == null ? null : count(budget.tokens()) + " tokens";
    return cost == null ? tokens : tokens == null ? cost : cost + " or " + tokens;
  }
}
