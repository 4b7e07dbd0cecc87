package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;

/** What every step of the plugin needs from Pipeline. */
final class StepContexts {

  /** A workspace on a node (inside {@code node}), the build, its log, its environment. */
  static final Set<Class<?>> ON_NODE =
      Set.of(FilePath.class, Run.class, TaskListener.class, EnvVars.class);

  private StepContexts() {}
}
