package io.jenkins.plugins.parallelagents.push;

/** Publishing cannot start; the message is one sentence for the build's log. */
public final class PushException extends Exception {

  private static final long serialVersionUID = 1L;

  public PushException(String message) {
    super(message);
  }
}
