package io.jenkins.plugins.parallelagents.regenerate;

import java.nio.file.Path;
import java.util.List;

/** One way of regenerating files: the plan's rules and the package managers' built-in ones. */
interface Rule {

  /** Whether a conflict in {@code file} is this rule's to regenerate. */
  boolean covers(String file);

  /**
   * Regenerates {@code files}, all of them covered, in the combined {@code tree}, stopped on a
   * conflict while merging {@code task}, and stages every file it wrote.
   */
  Step regenerate(Path tree, String task, List<String> files) throws Refusal;

  /**
   * @param files every file written, relative to the tree
   * @param commands the commands run, as the report shows them
   */
  record Step(List<String> files, List<String> commands) {}
}
