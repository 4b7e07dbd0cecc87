package io.jenkins.plugins.parallelagents.git;

/**
 * The machine or repository cannot run a plan: not a git repository, git missing or too old, an
 * unknown base. The message says the cause; {@link #fix()} says what to do, in one line.
 */
public final class EnvironmentException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String fix;

  public EnvironmentException(String message, String fix) {
    super(message);
    this.fix = fix;
  }

  public String fix() {
    return fix;
  }
}
