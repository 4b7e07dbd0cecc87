package io.jenkins.plugins.parallelagents.report;

/**
 * How a run ended. RUNNING appears only in the report written while the run goes on. PARTIAL is a
 * run that published a green combination of some of its tasks and set the others aside (they are
 * listed in the merge report, with {@code retry} as the way back); it exits 1, as FAILED does, so
 * CI stays red. INTERRUPTED is a run whose process died before it ended (killed, the machine
 * rebooted): the next command on the repository finds its report still {@code RUNNING} and says so.
 */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  PARTIAL,
  FAILED,
  INTERRUPTED
}
