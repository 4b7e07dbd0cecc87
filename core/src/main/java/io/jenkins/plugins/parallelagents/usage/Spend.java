package io.jenkins.plugins.parallelagents.usage;

import java.util.Collection;

/**
 * Usage added up over attempts (a task) or tasks (a run).
 *
 * @param tokens the tokens of every attempt whose agent reported them
 * @param costUsd the total in US dollars when every counted attempt's cost is known; {@code null}
 *     when one is not (a Codex or Gemini agent), since a partial sum would look like the whole
 * @param knownCostUsd the sum of the costs that are known: what a cost budget counts
 * @param attempts attempts whose usage was read
 */
public record Spend(Tokens tokens, Double costUsd, double knownCostUsd, int attempts) {

  public static final Spend NONE = new Spend(Tokens.NONE, null, 0, 0);

  public Spend {
    tokens = tokens == null ? Tokens.NONE : tokens;
  }

  /** The spend of one agent run; {@code null} usage (nothing recognised) counts as nothing. */
  public static Spend of(AgentUsage usage) {
    if (usage == null) {
      return NONE;
    }
    double known = usage.costUsd() == null ? 0 : usage.costUsd();
    return new Spend(usage.tokens(), usage.costUsd(), known, 1);
  }

  /** Both spends together. */
  public Spend plus(Spend other) {
    if (other.attempts == 0) {
      return this;
    }
    if (attempts == 0) {
      return other;
    }
    Double cost = costUsd == null || other.costUsd == null ? null : costUsd + other.costUsd;
    return new Spend(
        tokens.plus(other.tokens),
        cost,
        knownCostUsd + other.knownCostUsd,
        attempts + other.attempts);
  }

  /** Every spend added up. */
  public static Spend sum(Collection<Spend> spends) {
    Spend total = NONE;
    for (Spend spend : spends) {
      total = total.plus(spend);
    }
    return total;
  }
}
