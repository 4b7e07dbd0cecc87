package io.jenkins.plugins.parallelagents.git;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A git version as {@code git --version} prints it. */
public record GitVersion(int major, int minor) implements Comparable<GitVersion> {

  /** {@code git merge-tree --write-tree} (conflict prediction) came with 2.38. */
  public static final GitVersion MINIMUM = new GitVersion(2, 38);

  private static final Pattern VERSION = Pattern.compile("git version (\\d+)\\.(\\d+)");

  /** Reads {@code git version 2.39.5}, or returns {@code null} for anything else. */
  public static GitVersion parse(String versionOutput) {
    Matcher m = VERSION.matcher(versionOutput);
    if (!m.find()) {
      return null;
    }
    return new GitVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  @Override
  public int compareTo(GitVersion other) {
    return major != other.major
        ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
