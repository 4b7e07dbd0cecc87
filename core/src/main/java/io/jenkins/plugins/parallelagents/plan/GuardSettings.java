package io.jenkins.plugins.parallelagents.plan;

import java.util.List;

/**
 * The plan's {@code guard} section: what a task's work may not add, and which variables' values are
 * masked in everything the run writes.
 *
 * @param secrets whether added lines are scanned for secrets
 * @param maxFileSize the size in bytes above which an added file fails its task
 * @param junk file patterns refused in addition to the built-in build and log artefacts
 * @param allow file patterns never refused, whatever they hold
 * @param redact names of environment variables whose values are masked, whatever their names
 */
public record GuardSettings(
    boolean secrets, long maxFileSize, List<String> junk, List<String> allow, List<String> redact) {

  /** One mebibyte: larger files are rarely source, and they slow every clone after the merge. */
  public static final long DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

  public static final GuardSettings DEFAULT =
      new GuardSettings(true, DEFAULT_MAX_FILE_SIZE, List.of(), List.of(), List.of());

  public GuardSettings {
    if (maxFileSize < 1) {
      throw new IllegalArgumentException("maxFileSize must be at least 1 byte");
    }
    junk = List.copyOf(junk);
    allow = List.copyOf(allow);
    redact = List.copyOf(redact);
  }
}
