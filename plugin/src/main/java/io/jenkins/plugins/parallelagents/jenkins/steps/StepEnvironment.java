package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** The {@link NodeEnvironment} of a step: its variables, and its (maybe decorated) Launcher. */
final class StepEnvironment {

  private StepEnvironment() {}

  /**
   * The step's variables, with its Launcher for the plan's commands: inside {@code container} or
   * {@code docker.image(..).inside}, that Launcher runs them in the container, as it would a {@code
   * sh} step.
   */
  static NodeEnvironment of(StepContext context) throws IOException, InterruptedException {
    NodeEnvironment environment = new NodeEnvironment(context.get(EnvVars.class));
    Launcher launcher = context.get(Launcher.class);
    FilePath workspace = context.get(FilePath.class);
    if (launcher == null || workspace == null) {
      return environment;
    }
    return environment.withSteps(
        new NodeStepLauncher(
            new ContextLaunches(launcher, workspace.getChannel()), workspace.getChannel()));
  }
}
