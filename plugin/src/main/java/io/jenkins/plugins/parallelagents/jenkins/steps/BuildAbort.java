package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.model.Executor;
import hudson.model.Run;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import jenkins.model.CauseOfInterruption;

/**
 * Whether the build as a whole is being aborted (someone pressed stop), as opposed to one task's
 * block being interrupted by a {@code timeout} inside it: only the former stops the run's merge.
 */
final class BuildAbort {

  private BuildAbort() {}

  /** The causes the build's executor was interrupted with; empty when it was not. */
  static Collection<CauseOfInterruption> causes(Run<?, ?> run) {
    Executor executor = run.getExecutor();
    return executor == null ? List.of() : executor.getCausesOfInterruption();
  }

  static String why(Collection<CauseOfInterruption> causes) {
    return causes.stream()
        .map(CauseOfInterruption::getShortDescription)
        .collect(Collectors.joining("; "));
  }
}
