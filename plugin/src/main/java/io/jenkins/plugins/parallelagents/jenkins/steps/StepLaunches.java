package io.jenkins.plugins.parallelagents.jenkins.steps;

import io.jenkins.plugins.parallelagents.process.StepLauncher;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The build step's {@code Launcher}, on the controller, as the engine on the node calls it back
 * through the channel ({@link ContextLaunches} exported, called by {@link NodeStepLauncher}).
 * Public because remoting makes a proxy of it.
 */
public interface StepLaunches {

  /**
   * Starts {@code argv} in {@code directory} with {@code environment} as the Launcher's own
   * variables; output and error merged into {@code output}. The handle returned is exported too.
   */
  StepLauncher.Launched launch(
      List<String> argv, String directory, Map<String, String> environment, OutputStream output)
      throws IOException, InterruptedException;
}
