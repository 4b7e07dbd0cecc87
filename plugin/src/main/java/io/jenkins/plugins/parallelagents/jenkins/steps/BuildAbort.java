package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.model.Executor;
import hudson.model.Run;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import jenkins.model.CauseOfInterruption;
import jenkins.model.InterruptedBuildAction;

/**
 * Whether the build as a whole is being aborted (someone pressed stop), as opposed to one task's
 * block being interrupted by a {@code timeout} inside it: only the former stops the run's merge.
 */
final class BuildAbort {

  private BuildAbort() {}

  /**
   * The causes the build was interrupted with; empty when it was not. Pipeline moves them from the
   * executor to the build's {@link InterruptedBuildAction} right after it interrupts the steps, so
   * both are read. An abort recorded with no cause (by the system) is not seen here; the layout
   * stops the run on any interruption it sees outside a timeout.
   */
  static Collection<CauseOfInterruption> causes(Run<?, ?> run) {
    Set<CauseOfInterruption> causes = new LinkedHashSet<>();
    InterruptedBuildAction recorded = run.getAction(InterruptedBuildAction.class);
    if (recorded != null) {
      causes.addAll(recorded.getCauses());
    }
    Executor executor = run.getExecutor();
    if (executor != null) {
      causes.addAll(executor.getCausesOfInterruption());
    }
    return causes;
  }

  static String why(Collection<CauseOfInterruption> causes) {
    return causes.stream()
        .map(CauseOfInterruption::getShortDescription)
        .collect(Collectors.joining("; "));
  }
}
