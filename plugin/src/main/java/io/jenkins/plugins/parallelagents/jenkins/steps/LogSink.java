package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.model.TaskListener;
import io.jenkins.plugins.parallelagents.agent.AttemptRunner;
import java.util.function.Consumer;

/** Engine output lines into the build log, each marked with the task and step it came from. */
final class LogSink {

  private LogSink() {}

  static AttemptRunner.OutputSink forTask(TaskListener listener, String taskId) {
    return (step, line) -> listener.getLogger().println("[" + taskId + " " + step + "] " + line);
  }

  static Consumer<String> forPhase(TaskListener listener, String phase) {
    return line -> listener.getLogger().println("[" + phase + "] " + line);
  }
}
