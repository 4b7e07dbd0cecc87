package io.jenkins.plugins.parallelagents.report;

import java.util.List;

/**
 * Files of a merge that were regenerated rather than text-merged: dependency manifests merged
 * structurally and lockfiles rebuilt by their package manager, when merging {@code task}.
 *
 * @param files the regenerated files, relative to the repository
 * @param commands the commands that regenerated them, as the plan or built-in rule shows them
 */
public record Regenerated(String task, List<String> files, List<String> commands) {
  public Regenerated {
    files = List.copyOf(files);
    commands = List.copyOf(commands);
  }
}
