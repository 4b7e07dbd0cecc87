package io.jenkins.plugins.parallelagents.plan;

/**
 * The plan's {@code budget}: what the run's agents may spend before the engine starts no more
 * tasks. Either limit may be absent, not both.
 *
 * @param tokens the most tokens, input plus output, over all attempts, or {@code null}
 * @param costUsd the most US dollars over all attempts, as the agents' CLIs report their cost, or
 *     {@code null}
 */
public record BudgetSettings(Long tokens, Double costUsd) {

  public BudgetSettings {
    if (tokens == null && costUsd == null) {
      throw new IllegalArgumentException("a budget limits tokens, cost or both");
    }
  }
}
