package io.jenkins.plugins.parallelagents.report;

import java.util.List;

/**
 * A conflict met while merging {@code task}: the conflicted files, and the already merged tasks
 * that touched them ({@code with}).
 */
public record MergeConflict(String task, List<String> files, List<String> with) {
  public MergeConflict {
    files = List.copyOf(files);
    with = List.copyOf(with);
  }
}
