package io.jenkins.plugins.parallelagents.report;

import java.util.List;

/** Two task branches that {@code git merge-tree} says will conflict, and in which files. */
public record PredictedConflict(String a, String b, List<String> files) {
  public PredictedConflict {
    files = List.copyOf(files);
  }
}
