package io.jenkins.plugins.parallelagents.guard;

/**
 * One thing a task's work added that it must not: a secret, an artefact, a file too large.
 *
 * @param path the file, relative to the repository root, or the commit for a finding in a commit's
 *     text; a name that itself holds a secret is given only by its folder
 * @param line the line holding the secret (from 1), or 0 for the file or commit as a whole
 * @param message what is wrong, naming the file or commit and line, with any secret already masked
 */
public record Finding(String path, int line, String message) {

  static Finding secret(String path, int line, String what) {
    return new Finding(path, line, "secret in " + path + ":" + line + " (" + what + ")");
  }

  static Finding secretInName(String shown, String what) {
    return new Finding(shown, 0, "secret in the name of " + shown + " (" + what + ")");
  }

  static Finding secretInCommit(String commit, int line, String what) {
    return new Finding(
        commit,
        line,
        "secret in commit " + commit + ", line " + line + " of its text (" + what + ")");
  }

  static Finding junk(String path, String pattern) {
    return new Finding(path, 0, "unwanted file " + path + " (matches " + pattern + ")");
  }

  static Finding tooLarge(String path, String size, String limit) {
    return new Finding(path, 0, "file too large: " + path + " (" + size + ", limit " + limit + ")");
  }

  static Finding unknownSize(String path) {
    return new Finding(path, 0, "file of unknown size: " + path);
  }

  static Finding commitTooLarge(String commit, String limit) {
    return new Finding(
        commit, 0, "commit too large to check: " + commit + " (limit " + limit + ")");
  }
}
