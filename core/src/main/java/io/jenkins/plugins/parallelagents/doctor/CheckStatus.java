package io.jenkins.plugins.parallelagents.doctor;

/** How one check came out, from best to worst. */
public enum CheckStatus {
  /** Nothing to do. */
  OK,
  /** Worth a look, but a run may well work: the check cannot tell for sure. */
  WARNING,
  /** A run would fail on it. */
  FAILED
}
