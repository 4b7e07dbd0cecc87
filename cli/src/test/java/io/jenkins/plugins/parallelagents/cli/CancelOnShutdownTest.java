package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What Ctrl-C does to a run, in a real JVM that receives a real signal. */
class CancelOnShutdownTest {

  @Test
  @Timeout(60)
  void signal_cancelsTheRunAndWaitsForItToFinishBeforeTheJvmExits() throws Exception {
    Process jvm =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Probe.class.getName())
            .redirectErrorStream(true)
            .start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
      lines.add(out.readLine());
      assertThat(lines).containsExactly("running");

      // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C (Process.destroy would also
      // close our end of its output)
      jvm.toHandle().destroy();

      out.lines().forEach(lines::add);
    }
    assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(lines).containsExactly("running", "cancelled", "summary printed");
  }

  @Test
  void close_withoutSignal_unregistersTheHook() {
    List<String> calls = new ArrayList<>();
    CancelOnShutdown guard = CancelOnShutdown.register(() -> calls.add("cancel"), Duration.ZERO);

    guard.close();

    assertThat(calls).isEmpty();
  }

  /** A stand-in run: waits until cancelled, then "writes its summary" and finishes. */
  static final class Probe {
    @SuppressWarnings("try") // the guard works by being open
    public static void main(String[] args) throws InterruptedException {
      CountDownLatch cancelled = new CountDownLatch(1);
      try (CancelOnShutdown guard =
          CancelOnShutdown.register(
              () -> {
                System.out.println("cancelled");
                cancelled.countDown();
              },
              Duration.ofSeconds(20))) {
        System.out.println("running");
        System.out.flush();
        cancelled.await();
        System.out.println("summary printed");
        System.out.flush();
      }
    }
  }
}
