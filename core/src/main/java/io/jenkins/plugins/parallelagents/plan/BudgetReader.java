package io.jenkins.plugins.parallelagents.plan;

import java.math.BigDecimal;

/** Reads the plan's {@code budget} section, reporting each wrong value where it is written. */
final class BudgetReader {

  /** A budget of more is no limit; a typo such as an extra zero group still reads as a number. */
  static final long MAX_TOKENS = 1_000_000_000_000L;

  static final BigDecimal MAX_COST_USD = BigDecimal.valueOf(1_000_000);

  private final Problems problems;

  BudgetReader(Problems problems) {
    this.problems = problems;
  }

  /** {@code null} mapping, or one with problems (reported): no budget. */
  BudgetSettings read(Node.Mapping mapping) {
    if (mapping == null) {
      return null;
    }
    MappingReader in = new MappingReader(mapping, "budget", PlanKeys.BUDGET, problems);
    if (!in.has("tokens") && !in.has("costUsd")) {
      problems.add(
          mapping.position(),
          "budget: it sets no limit; give 'tokens' (input plus output), 'costUsd' (US dollars) or"
              + " both");
      return null;
    }
    int before = problems.size();
    Long tokens = tokens(mapping, in);
    Double cost = cost(mapping, in);
    return problems.size() > before ? null : new BudgetSettings(tokens, cost);
  }

  private Long tokens(Node.Mapping mapping, MappingReader in) {
    Node.Scalar s = scalar(mapping, "tokens");
    if (s == null) {
      return null;
    }
    if (s.kind() != Node.Kind.INTEGER) {
      in.problem(
          "tokens",
          "'tokens' must be a whole number of tokens such as 2000000, not "
              + MappingReader.describe(s));
      return null;
    }
    BigDecimal value = number(s.text());
    if (value == null
        || value.signum() <= 0
        || value.compareTo(BigDecimal.valueOf(MAX_TOKENS)) > 0) {
      in.problem("tokens", "'tokens' must be from 1 to " + MAX_TOKENS + ", not " + s.text());
      return null;
    }
    return value.longValueExact();
  }

  private Double cost(Node.Mapping mapping, MappingReader in) {
    Node.Scalar s = scalar(mapping, "costUsd");
    if (s == null) {
      return null;
    }
    BigDecimal value =
        s.kind() == Node.Kind.INTEGER || s.kind() == Node.Kind.DECIMAL ? number(s.text()) : null;
    if (value == null) {
      in.problem(
          "costUsd",
          "'costUsd' must be a number of US dollars such as 25 or 7.50, not "
              + MappingReader.describe(s));
      return null;
    }
    if (value.signum() <= 0 || value.compareTo(MAX_COST_USD) > 0) {
      in.problem(
          "costUsd",
          "'costUsd' must be more than 0 and at most " + MAX_COST_USD + ", not " + s.text());
      return null;
    }
    return value.doubleValue();
  }

  /** The decimal value of a YAML number, or {@code null} for forms such as .inf, .nan or 0x1F. */
  private static BigDecimal number(String text) {
    try {
      return new BigDecimal(text.replace("_", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The scalar at {@code key}; {@code null} when absent, or not a scalar (reported). */
  private Node.Scalar scalar(Node.Mapping mapping, String key) {
    for (Node.Entry entry : mapping.entries()) {
      if (entry.key().equals(key)) {
        if (entry.value() instanceof Node.Scalar s && s.kind() != Node.Kind.NULL) {
          return s;
        }
        problems.add(
            entry.value().position(),
            "budget: '" + key + "' must be a number, not " + MappingReader.describe(entry.value()));
        return null;
      }
    }
    return null;
  }
}
