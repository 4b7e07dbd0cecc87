package io.jenkins.plugins.parallelagents.git;

/**
 * An agent left a tree the engine must not run git in any more (its repository removed, replaced or
 * linked elsewhere); the message says what the agent did.
 */
public final class TamperedTreeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TamperedTreeException(String message) {
    super(message);
  }
}
