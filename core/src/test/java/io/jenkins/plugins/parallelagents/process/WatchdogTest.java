package io.jenkins.plugins.parallelagents.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WatchdogTest {

  @Test
  void closing_stillStopsAProcessTheRunnerLeftBehind() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc")), "needs /proc");
    String marker = RunMarker.VARIABLE + "=" + UUID.randomUUID().toString().replace("-", "");
    ProcessBuilder builder =
        new ProcessBuilder("sh", "-c", "trap '' TERM; while :; do sleep 1; done");
    builder.environment().put(RunMarker.VARIABLE, marker.substring(marker.indexOf('=') + 1));
    Process left = builder.start();
    try (Watchdog watchdog = Watchdog.start(marker, Optional.empty()).orElseThrow()) {
      // A closed runner says "closed"; the watchdog may skip its long scan only when none is left.
      watchdog.close();
      assertThat(left.waitFor(20, TimeUnit.SECONDS))
          .as("the process ignoring TERM is killed")
          .isTrue();
      assertThat(watchdog.handle().onExit().get(20, TimeUnit.SECONDS).isAlive()).isFalse();
    } finally {
      left.destroyForcibly();
    }
  }
}
