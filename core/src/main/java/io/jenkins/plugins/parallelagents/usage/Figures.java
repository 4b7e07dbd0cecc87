package io.jenkins.plugins.parallelagents.usage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Numbers read from an agent's output, which is hostile: a count must be a whole number from zero
 * to {@link #MAX_TOKENS}, a cost a finite number from zero to {@link #MAX_COST_USD}. A line whose
 * figures are not is not a line the CLI printed, and is ignored whole.
 */
final class Figures {

  /** Far above any real run (a trillion tokens), far below an overflow when added up. */
  static final long MAX_TOKENS = 1_000_000_000_000L;

  /** A million dollars for one agent run is not a real report. */
  static final double MAX_COST_USD = 1_000_000;

  private Figures() {}

  /** The count at {@code field}: 0 when absent or null, empty when it is not a valid count. */
  static Optional<Long> count(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return Optional.of(0L);
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      return Optional.empty();
    }
    long value = node.longValue();
    return value < 0 || value > MAX_TOKENS ? Optional.empty() : Optional.of(value);
  }

  /** The cost at {@code field}; empty when absent or not a valid cost. */
  static Optional<Double> cost(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isNumber()) {
      return Optional.empty();
    }
    double value = node.doubleValue();
    return Double.isFinite(value) && value >= 0 && value <= MAX_COST_USD
        ? Optional.of(value)
        : Optional.empty();
  }

  /** Tokens from three counts, or empty when one of them is not valid. */
  static Optional<Tokens> tokens(
      JsonNode parent, String inputField, String cachedField, String outputField) {
    Optional<Long> input = count(parent, inputField);
    Optional<Long> cached = count(parent, cachedField);
    Optional<Long> output = count(parent, outputField);
    if (input.isEmpty() || cached.isEmpty() || output.isEmpty() || cached.get() > input.get()) {
      return Optional.empty();
    }
    return Optional.of(new Tokens(input.get(), cached.get(), output.get()));
  }
}
