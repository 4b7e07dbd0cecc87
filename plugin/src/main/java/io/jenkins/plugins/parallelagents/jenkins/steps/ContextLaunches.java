package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.remoting.Channel;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.parallelagents.process.StepLauncher;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Launches the engine's steps with the step context's {@link Launcher}, which {@code container},
 * {@code docker.image(..).inside} and the like have decorated: the step then runs where a {@code
 * sh} step of the same block would. Lives on the controller, exported to the node's channel.
 */
final class ContextLaunches implements StepLaunches {

  /**
   * Marks every process of one launch, wherever it runs: {@link Launcher#kill(Map)} stops what
   * carries it, inside a container too (docker-workflow's decorator kills by it there), where
   * killing the local {@code docker exec} client would leave the command running.
   */
  static final String LAUNCH_COOKIE = "PARALLEL_AGENTS_LAUNCH";

  private final Launcher launcher;
  private final VirtualChannel channel;

  /**
   * @param channel the channel to the node the engine runs on, through which it calls back
   */
  ContextLaunches(Launcher launcher, VirtualChannel channel) {
    this.launcher = launcher;
    this.channel = channel;
  }

  @Override
  public StepLauncher.Launched launch(
      List<String> argv, String directory, Map<String, String> environment, OutputStream output)
      throws IOException, InterruptedException {
    Map<String, String> marked = new HashMap<>(environment);
    String cookie = UUID.randomUUID().toString();
    marked.put(LAUNCH_COOKIE, cookie);
    Proc proc =
        launcher
            .launch()
            .cmds(escaped(argv))
            .envs(escaped(marked))
            .pwd(new FilePath(launcher.getChannel(), directory))
            .stdout(output)
            // Not the command line in the build log: an agent's may hold its whole prompt.
            .quiet(true)
            .start();
    return channel.export(
        StepLauncher.Launched.class,
        new Launched(proc, output, channel, launcher, Map.of(LAUNCH_COOKIE, cookie)));
  }

  /**
   * The Launcher expands {@code $VAR} in arguments and variables from the environment; the engine's
   * commands are meant as they are, so {@code $} is escaped, as durable-task does for {@code sh}.
   */
  private static List<String> escaped(List<String> argv) {
    List<String> escaped = new ArrayList<>();
    argv.forEach(arg -> escaped.add(arg.replace("$", "$$")));
    return escaped;
  }

  private static Map<String, String> escaped(Map<String, String> environment) {
    Map<String, String> escaped = new HashMap<>();
    environment.forEach((name, value) -> escaped.put(name, value.replace("$", "$$")));
    return escaped;
  }

  /** A started step, exported to the node so that the engine can wait for it and kill it. */
  private static final class Launched implements StepLauncher.Launched {

    private final Proc proc;
    private final OutputStream output;
    private final VirtualChannel channel;
    private final Launcher launcher;
    private final Map<String, String> cookie;

    Launched(
        Proc proc,
        OutputStream output,
        VirtualChannel channel,
        Launcher launcher,
        Map<String, String> cookie) {
      this.proc = proc;
      this.output = output;
      this.channel = channel;
      this.launcher = launcher;
      this.cookie = cookie;
    }

    @Override
    public int join() throws IOException, InterruptedException {
      try {
        return proc.join(); // interrupted when the engine's call is: the Proc then kills the step
      } finally {
        deliverOutput();
      }
    }

    /**
     * The output crosses back to the node on other threads: it must all be there before the engine,
     * seeing the step ended, closes the step's log.
     */
    private void deliverOutput() throws InterruptedException {
      try {
        output.flush();
        if (channel instanceof Channel remote) {
          remote.syncIO();
        }
      } catch (IOException e) {
        // the node is gone: nobody is left to read the output
      } finally {
        try {
          output.close(); // also releases the node's stream from the channel's exports
        } catch (IOException ignored) {
          // as above
        }
      }
    }

    @Override
    public void kill() throws IOException, InterruptedException {
      try {
        launcher.kill(cookie);
      } finally {
        proc.kill();
      }
    }
  }
}
