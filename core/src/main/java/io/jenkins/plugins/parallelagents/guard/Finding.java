package io.jenkins.plugins.parallelagents.guard;

/**
 * One thing a task's work added that it must not: a secret, an artefact, a file too large.
 *
 * @param path the file, relative to the repository root
 * @param line the added line holding the secret (from 1), or 0 for the file as a whole
 * @param message what is wrong, naming the file and line, with any secret already masked
 */
public record Finding(String path, int line, String message) {

  static Finding secret(String path, int line, String what) {
    return new Finding(path, line, "secret in " + path + ":" + line + " (" + what + ")");
  }

  static Finding junk(String path, String pattern) {
    return new Finding(path, 0, "unwanted file " + path + " (matches " + pattern + ")");
  }

  static Finding tooLarge(String path, String size, String limit) {
    return new Finding(path, 0, "file too large: " + path + " (" + size + ", limit " + limit + ")");
  }
}
