package io.jenkins.plugins.parallelagents.report;

/** How a run ended. RUNNING appears only in the report written while the run goes on. */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  FAILED
}
