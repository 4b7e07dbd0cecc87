package io.jenkins.plugins.parallelagents.plan;

import java.util.Objects;

/**
 * One entry of {@code merge.regenerate}: files matching {@code files} (a glob, as in {@code paths})
 * are not text-merged on a conflict; {@code command} rebuilds them in the combined tree.
 */
public record RegenerateRule(String files, CommandSpec command) {
  public RegenerateRule {
    Objects.requireNonNull(files);
    Objects.requireNonNull(command);
  }
}
