package io.jenkins.plugins.parallelagents.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The process exit codes of {@code parallel-agents}, the same for every command. */
final class ExitCodes {

  /** The command did what was asked; for {@code run}, the run succeeded. */
  static final int OK = 0;

  /** The run failed (a task, the merge or the test), or an unexpected error stopped the command. */
  static final int RUN_FAILED = 1;

  /**
   * Bad usage (unknown option, missing argument), an invalid plan, or a hand-off that cannot be the
   * run's result of its task.
   */
  static final int USAGE = 2;

  /**
   * The machine or repository cannot run a plan: not a git repository, git missing, ...; for {@code
   * doctor}, one of its checks failed.
   */
  static final int ENVIRONMENT = 3;

  /**
   * A run cancelled by SIGINT (Ctrl-C): 128 + 2, as a shell reports a command it interrupted. The
   * JVM sets it itself when it ends after the signal's shutdown hooks ({@link CancelOnShutdown}).
   */
  static final int INTERRUPTED = 130;

  /** A run cancelled by SIGTERM (a CI job stopped, {@code kill}): 128 + 15, set the same way. */
  static final int TERMINATED = 143;

  private ExitCodes() {}

  /** Code to description, in the order the usage help and docs/cli.md list them. */
  static Map<String, String> descriptions() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(Integer.toString(OK), "Success.");
    codes.put(
        Integer.toString(RUN_FAILED),
        "The run failed (a task, the merge or the test), or an unexpected error.");
    codes.put(
        Integer.toString(USAGE),
        "Bad usage, an invalid plan, or a refused hand-off (a distributed run's job).");
    codes.put(
        Integer.toString(ENVIRONMENT),
        "Environment: not a git repository, git or java missing, an unknown base, no usable"
            + " bubblewrap for a sandboxed agent; for doctor, a check failed.");
    codes.put(
        Integer.toString(INTERRUPTED),
        "The run was cancelled by Ctrl-C (SIGINT); its report is written.");
    codes.put(
        Integer.toString(TERMINATED), "The run was cancelled by SIGTERM; its report is written.");
    return codes;
  }
}
