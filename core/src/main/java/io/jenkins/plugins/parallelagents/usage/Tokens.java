package io.jenkins.plugins.parallelagents.usage;

/**
 * Tokens a model counted.
 *
 * @param input every input token, cached ones included (Claude Code's cache reads and writes are
 *     added to its {@code input_tokens}, which leaves them out)
 * @param cachedInput the part of {@code input} read from the provider's prompt cache
 * @param output tokens the model wrote, reasoning included
 */
public record Tokens(long input, long cachedInput, long output) {

  public static final Tokens NONE = new Tokens(0, 0, 0);

  public Tokens {
    if (input < 0 || cachedInput < 0 || output < 0) {
      throw new IllegalArgumentException("token counts are never negative");
    }
  }

  /** Input plus output: what a token budget counts; saturates instead of overflowing. */
  public long total() {
    return saturated(input, output);
  }

  /** Both counts together; saturates instead of overflowing. */
  public Tokens plus(Tokens other) {
    return new Tokens(
        saturated(input, other.input),
        saturated(cachedInput, other.cachedInput),
        saturated(output, other.output));
  }

  /** The larger of each count. */
  Tokens max(Tokens other) {
    return new Tokens(
        Math.max(input, other.input),
        Math.max(cachedInput, other.cachedInput),
        Math.max(output, other.output));
  }

  private static long saturated(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
