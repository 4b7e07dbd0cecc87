package io.jenkins.plugins.parallelagents.report;

import java.util.List;

/**
 * What a failed step printed, short enough to read in a report: the last lines of its log and, when
 * the output names them (TAP, JUnit XML, a known runner's summary), the failing tests.
 */
public record FailureExcerpt(List<String> lastLines, List<String> failingTests) {
  public FailureExcerpt {
    lastLines = List.copyOf(lastLines);
    failingTests = List.copyOf(failingTests);
  }
}
