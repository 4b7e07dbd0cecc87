package io.jenkins.plugins.parallelagents.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a host starts a step's command (setup, agent, verify, test) when it is not this JVM's to
 * start: a build server whose step runs inside a container starts it through the container. Git's
 * own calls never come here (see {@link LaunchingCommandRunner}).
 */
public interface StepLauncher {

  /**
   * Starts {@code argv} in {@code directory} with exactly {@code environment} (nothing added from
   * the host's own), its standard output and error merged into {@code output}.
   *
   * @throws IOException when the command cannot be started
   */
  Launched launch(
      List<String> argv, Path directory, Map<String, String> environment, OutputStream output)
      throws IOException, InterruptedException;

  /** A started command. */
  interface Launched {

    /**
     * Waits for the command's end and returns its exit code; by then all it printed has been
     * written to the launch's output.
     */
    int join() throws IOException, InterruptedException;

    /** Stops the command and what it started; a pending {@link #join()} then returns. */
    void kill() throws IOException, InterruptedException;
  }
}
