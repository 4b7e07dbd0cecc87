package io.jenkins.plugins.parallelagents.database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The names of one run's databases: {@code pa_<run>_<part>}, lowercase letters, digits and {@code
 * _} only, at most {@value #MAX_BYTES} bytes (PostgreSQL cuts longer names silently, which would
 * make two tasks share one database). A name that had to be changed or shortened ends with a hash
 * of what it stands for, so that two task ids never meet in one name.
 */
public final class DatabaseNames {

  /** PostgreSQL's NAMEDATALEN - 1. */
  public static final int MAX_BYTES = 63;

  private static final int HASH_CHARS = 8;

  /** Leaves a task's part of the name at least half of the bytes. */
  private static final int MAX_RUN_CHARS = 28;

  private final String prefix;

  /** The names of run {@code runId}'s databases. */
  public DatabaseNames(String runId) {
    String run = safe(runId);
    if (!run.equals(runId) || run.length() > MAX_RUN_CHARS) {
      run =
          run.substring(0, Math.min(run.length(), MAX_RUN_CHARS - HASH_CHARS - 1))
              + "_"
              + hash(runId);
    }
    this.prefix = "pa_" + run + "_";
  }

  /** Every database of the run starts with this. */
  public String prefix() {
    return prefix;
  }

  /** The database the foundation tasks migrate. */
  public String foundation() {
    return name("foundation", ":foundation");
  }

  /** The copy of the migrated foundation every other database is made from. */
  public String template() {
    return name("template", ":template");
  }

  /** The combined test's database. */
  public String test() {
    return name("test", ":test");
  }

  /** Task {@code taskId}'s database. */
  public String task(String taskId) {
    // The "t_" keeps a task named "template" or "test" away from the run's own databases.
    return name("t_" + taskId, "task:" + taskId);
  }

  private String name(String part, String identity) {
    String safe = safe(part);
    String name = prefix + safe;
    if (safe.equals(part) && name.length() <= MAX_BYTES) {
      return name;
    }
    String hash = "_" + hash(prefix + identity);
    int room = Math.max(prefix.length(), MAX_BYTES - hash.length());
    return (name.length() > room ? name.substring(0, room) : name) + hash;
  }

  /** Lowercase ASCII letters, digits and {@code _}; anything else becomes {@code _}. */
  static String safe(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  /** {@code name} as an SQL identifier, quoted: safe whatever it holds. */
  public static String quoted(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
