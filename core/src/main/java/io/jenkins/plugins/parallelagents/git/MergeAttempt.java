package io.jenkins.plugins.parallelagents.git;

import java.util.List;

/**
 * What a merge (or cherry-pick) did: clean, or stopped on conflicts in {@code conflictedFiles}, or
 * failed for another reason ({@code error}).
 */
public record MergeAttempt(boolean clean, List<String> conflictedFiles, String error) {
  public MergeAttempt {
    conflictedFiles = List.copyOf(conflictedFiles);
  }

  public static MergeAttempt ok() {
    return new MergeAttempt(true, List.of(), null);
  }

  public boolean conflicted() {
    return !conflictedFiles.isEmpty();
  }
}
