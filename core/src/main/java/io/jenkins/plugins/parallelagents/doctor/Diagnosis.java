package io.jenkins.plugins.parallelagents.doctor;

import java.util.Comparator;
import java.util.List;

/** Every check the doctor made, in the order it made them. */
public record Diagnosis(List<Check> checks) {

  public Diagnosis {
    checks = List.copyOf(checks);
  }

  /** The worst status among the checks: {@link CheckStatus#OK} when there are none. */
  public CheckStatus status() {
    return checks.stream().map(Check::status).max(Comparator.naturalOrder()).orElse(CheckStatus.OK);
  }
}
