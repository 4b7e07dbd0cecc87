package io.jenkins.plugins.parallelagents.report;

/**
 * The plan's {@code budget} and whether the run spent it.
 *
 * @param tokens the most tokens (input plus output) the run's agents may use, or {@code null}
 * @param costUsd the most US dollars the run's agents may cost, as their CLIs report it, or {@code
 *     null}
 * @param spent why the run started no more tasks (for example {@code budget of $25.00 spent: $26.10
 *     used}), or {@code null} while the budget lasts
 */
public record BudgetReport(Long tokens, Double costUsd, String spent) {

  /** This budget, spent for {@code reason}. */
  public BudgetReport spent(String reason) {
    return new BudgetReport(tokens, costUsd, reason);
  }
}
