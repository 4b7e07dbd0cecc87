package io.jenkins.plugins.parallelagents.report;

/**
 * How a run ended. RUNNING appears only in the report written while the run goes on. INTERRUPTED is
 * a run whose process died before it ended (killed, the machine rebooted): the next command on the
 * repository finds its report still {@code RUNNING} and says so.
 */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  INTERRUPTED
}
