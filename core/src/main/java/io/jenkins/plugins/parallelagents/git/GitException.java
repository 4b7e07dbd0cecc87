package io.jenkins.plugins.parallelagents.git;

import java.util.List;

/** A git command that should have worked did not; carries the command and what git said. */
public final class GitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GitException(List<String> args, String detail) {
    super("git " + String.join(" ", args) + " failed: " + detail);
  }
}
