package io.jenkins.plugins.parallelagents.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the commands take from the process they run in. Main passes the real one; tests pass their
 * own (an isolated HOME and git config, a working directory), so no command reads global state
 * behind their back.
 *
 * @param environment the variables every command the run starts inherits
 * @param home the repository root given by bin/parallel-agents, or {@code null}
 * @param workingDirectory where {@code --repo} defaults to and the demo looks for its example
 */
record Host(Map<String, String> environment, String home, Path workingDirectory) {

  Host {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(workingDirectory);
  }

  static Host current() {
    return new Host(
        System.getenv(),
        System.getProperty(ExampleLocator.HOME_PROPERTY),
        Path.of("").toAbsolutePath());
  }
}
