package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.AbortException;
import io.jenkins.plugins.parallelagents.distributed.HandoffException;
import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.GitException;
import java.io.UncheckedIOException;

/** The engine's failures in the build log's words: one line, no stack trace. */
final class Failures {

  private Failures() {}

  static AbortException of(EnvironmentException e) {
    // The engine's fixes speak of the command line; on a node the checkout is the workspace.
    String fix =
        e.fix().contains("--repo")
            ? "check out the repository in the workspace first (checkout scm)"
            : e.fix();
    return new AbortException(e.getMessage() + " (" + fix + ")");
  }

  /** Failures the engine reports with a full sentence; anything else keeps its stack trace. */
  static boolean isExpected(RuntimeException e) {
    return e instanceof GitException
        || e instanceof HandoffException
        || e instanceof UncheckedIOException;
  }
}
