package io.jenkins.plugins.parallelagents.merge;

import java.util.List;

/**
 * A finished task's branch, ready to merge.
 *
 * @param upstream commits whose history is not the task's own work: the integration start and its
 *     needs' commits
 * @param changedFiles files the task's own work changed, to name who touched a conflicted file
 * @param needs the tasks it needs: their work is in its branch, so it cannot go in without them
 */
public record TaskBranch(
    String taskId,
    String title,
    String branch,
    String commit,
    List<String> upstream,
    List<String> changedFiles,
    List<String> needs) {
  public TaskBranch {
    upstream = List.copyOf(upstream);
    changedFiles = List.copyOf(changedFiles);
    needs = List.copyOf(needs);
  }
}
