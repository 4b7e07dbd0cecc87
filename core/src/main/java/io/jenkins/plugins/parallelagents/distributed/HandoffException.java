package io.jenkins.plugins.parallelagents.distributed;

/** A task's result could not be passed between nodes; the message says which and why. */
public final class HandoffException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HandoffException(String message) {
    super(message);
  }
}
