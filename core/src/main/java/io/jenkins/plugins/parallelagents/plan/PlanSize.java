package io.jenkins.plugins.parallelagents.plan;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File sizes as plan files write them: a whole number of bytes, or a number with a unit, {@code
 * 512KB}, {@code 1MB}, {@code 2GB}. Units are binary ({@code 1MB} is 1,048,576 bytes), as file
 * managers and {@code du} count them; {@code KiB}, {@code MiB}, {@code GiB} say the same.
 */
public final class PlanSize {

  /** The accepted forms; the plan schema carries the same pattern. */
  static final String PATTERN = "^([0-9]{1,9})\\s*([KMGkmg][iI]?[bB]|[bB])?$";

  /** How messages describe the accepted forms. */
  static final String FORMS = "a number of bytes or a size such as 512KB, 1MB or 2GB";

  private static final Pattern COMPILED = Pattern.compile(PATTERN);

  private PlanSize() {}

  /** The number of bytes {@code text} stands for, or empty when it is not in an accepted form. */
  public static Optional<Long> parse(String text) {
    Matcher m = COMPILED.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    long number = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    int shift =
        switch (unit.charAt(0)) {
          case 'K' -> 10;
          case 'M' -> 20;
          case 'G' -> 30;
          default -> 0;
        };
    return Optional.of(number << shift);
  }

  /** Writes {@code bytes} in the largest unit that keeps one decimal: {@code 1.5 MiB}. */
  public static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    String number = String.format(Locale.ROOT, "%.1f", value).replaceAll("\\.0$", "");
    return number + " " + units[unit];
  }
}
