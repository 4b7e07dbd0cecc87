package io.jenkins.plugins.parallelagents.plan;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as plan files write them: a number with a unit, {@code 90s}, {@code 30m}, {@code 2h},
 * or units combined from largest to smallest, {@code 1h30m}. A bare number is refused, because
 * whether {@code 30} means seconds or minutes is exactly the doubt the unit removes.
 */
public final class PlanDuration {

  /**
   * The accepted forms; the plan schema carries the same pattern. The lookahead demands a non-zero
   * digit somewhere, which also rules out the empty text and zero durations.
   */
  static final String PATTERN = "^(?=.*[1-9])(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?(?:(\\d{1,6})s)?$";

  /** How messages describe the accepted forms. */
  static final String FORMS = "90s, 30m, 2h or a combination such as 1h30m";

  private static final Pattern COMPILED = Pattern.compile(PATTERN);

  private PlanDuration() {}

  /** The duration {@code text} stands for, or empty when it is not in an accepted form. */
  public static Optional<Duration> parse(String text) {
    Matcher m = COMPILED.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        Duration.ofHours(number(m.group(1)))
            .plusMinutes(number(m.group(2)))
            .plusSeconds(number(m.group(3))));
  }

  /** Writes {@code duration} in the plan's own form, {@code 1h30m}; whole seconds only. */
  public static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds <= 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    append(text, seconds / 3600, "h");
    append(text, seconds % 3600 / 60, "m");
    append(text, seconds % 60, "s");
    return text.toString();
  }

  private static void append(StringBuilder text, long amount, String unit) {
    if (amount > 0) {
      text.append(amount).append(unit);
    }
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }
}
