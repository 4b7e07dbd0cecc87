package io.jenkins.plugins.parallelagents.git;

import java.util.List;

/**
 * What an in-memory merge gave: the merged tree, or the files in conflict, or why git could not
 * merge at all ({@code error}).
 */
public record TreeMerge(String tree, List<String> conflictedFiles, String error) {
  public TreeMerge {
    conflictedFiles = List.copyOf(conflictedFiles);
  }

  public boolean clean() {
    return tree != null;
  }
}
