package io.jenkins.plugins.parallelagents.ports;

/** Every port from a variable's base up is taken: the step that needed it cannot run. */
public final class NoFreePortException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String variable;

  NoFreePortException(String variable, int base) {
    super(
        "no free port for "
            + variable
            + ": every port from "
            + base
            + " to 65535 is in use or handed to another step");
    this.variable = variable;
  }

  /** The variable that got no port. */
  public String variable() {
    return variable;
  }
}
