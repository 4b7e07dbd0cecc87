package io.jenkins.plugins.parallelagents.agent;

import java.util.List;

/** What a task's dependency did, as its dependants' prompts describe it. */
public record DependencyOutcome(String id, String title, String commit, List<String> changedFiles) {
  public DependencyOutcome {
    changedFiles = List.copyOf(changedFiles);
  }
}
