package io.jenkins.plugins.parallelagents.lifecycle;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Run ids: sortable by time, unique enough for branches of concurrent runs. */
public final class RunIds {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private RunIds() {}

  /** {@code 20261128-013722-4f2a}: UTC time and four random hex digits. */
  public static String next(Instant now) {
    return STAMP.format(now)
        + "-"
        + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }

  /** Whether a host-given id can name branches and folders. */
  public static boolean isValid(String id) {
    return VALID.matcher(id).matches() && !id.contains("..") && !id.endsWith(".lock");
  }
}
