package io.jenkins.plugins.parallelagents.usage;

/**
 * The figures read so far. Which line wins matters, since an agent controls what it prints: a
 * figure that a CLI reports once for the whole session keeps the largest value seen, and per-turn
 * figures are added up. Either way a forged line can only make a run look dearer, never cheaper, so
 * a budget can only stop a run early, never let it overspend on the agent's word.
 */
final class Tally {

  private Tokens tokens = Tokens.NONE;
  private Double costUsd;
  private boolean counted;

  /** A session total (Claude Code's and Gemini CLI's {@code result}). */
  void sessionTotal(Tokens total) {
    tokens = tokens.max(total);
    counted = true;
  }

  /** A turn's own usage (Codex's {@code turn.completed}). */
  void turn(Tokens turn) {
    tokens = tokens.plus(turn);
    counted = true;
  }

  void sessionCost(double cost) {
    costUsd = costUsd == null ? cost : Math.max(costUsd, cost);
    counted = true;
  }

  Tokens tokens() {
    return tokens;
  }

  Double costUsd() {
    return costUsd;
  }

  boolean counted() {
    return counted;
  }
}
