package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.remoting.RemoteOutputStream;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.parallelagents.process.StepLauncher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's side, on the node, of the step context's Launcher: each step is launched by the
 * controller ({@link StepLaunches}), its output sent back to the node. Travels to the node inside a
 * call, where it holds a remoting proxy of the controller's launcher.
 */
final class NodeStepLauncher implements StepLauncher, Serializable {

  private static final long serialVersionUID = 1L;

  /** On the controller the launcher itself; on the node a proxy of it. */
  private final StepLaunches launches;

  /** The channel to the node, on the controller only. */
  private final transient VirtualChannel channel;

  /**
   * @param channel the channel to the node the engine runs on
   */
  NodeStepLauncher(StepLaunches launches, VirtualChannel channel) {
    this.launches = launches;
    this.channel = channel;
  }

  /**
   * Sent to the node, the launcher becomes a proxy, exported afresh for each call: remoting
   * releases what a call's serialization exported when the call returns, as for the call's
   * listener.
   */
  private Object writeReplace() {
    if (channel == null) {
      return this;
    }
    return new NodeStepLauncher(channel.export(StepLaunches.class, launches), null);
  }

  @Override
  public Launched launch(
      List<String> argv, Path directory, Map<String, String> environment, OutputStream output)
      throws IOException, InterruptedException {
    // Plain collections cross the channel: the engine's immutable ones are JDK internals.
    return launches.launch(
        new ArrayList<>(argv),
        directory.toString(),
        exactly(environment, System.getenv()),
        new RemoteOutputStream(output));
  }

  /**
   * The engine gives a step its whole environment; a Launcher adds its JVM's own variables to what
   * it is given (this node's JVM, where an undecorated launch runs), and drops one given empty. So
   * each variable of this JVM the step must not have (e.g. a {@code GIT_DIR} the engine took out)
   * is given empty.
   */
  static Map<String, String> exactly(Map<String, String> environment, Map<String, String> jvm) {
    Map<String, String> exact = new HashMap<>(environment);
    jvm.keySet().forEach(name -> exact.putIfAbsent(name, ""));
    return exact;
  }
}
