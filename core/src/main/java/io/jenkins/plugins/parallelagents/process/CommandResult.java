package io.jenkins.plugins.parallelagents.process;

/**
 * How a command ended. A command that could not start at all (not found, not executable) has exit
 * code 127 and says why in {@code failureToStart}.
 *
 * @param stdout captured standard output (captured requests only), else empty
 * @param stderr captured standard error (captured requests only), else empty
 */
public record CommandResult(
    int exitCode,
    String stdout,
    String stderr,
    long durationMs,
    boolean timedOut,
    boolean cancelled,
    String failureToStart) {

  public static final int NOT_STARTED = 127;

  public static CommandResult notStarted(String why) {
    return new CommandResult(NOT_STARTED, "", "", 0, false, false, why);
  }

  public static CommandResult cancelledBeforeStart() {
    return new CommandResult(-1, "", "", 0, false, true, null);
  }

  public boolean ok() {
    return exitCode == 0 && !timedOut && !cancelled && failureToStart == null;
  }

  /** One line saying why the command did not succeed, for a report's {@code reason}. */
  public String describeFailure(String what) {
    if (failureToStart != null) {
      return what + " could not start: " + failureToStart;
    }
    if (cancelled) {
      return what + " was cancelled";
    }
    if (timedOut) {
      return what + " timed out after " + (durationMs / 1000) + "s; its process tree was killed";
    }
    return what + " failed (exit " + exitCode + ")";
  }
}
