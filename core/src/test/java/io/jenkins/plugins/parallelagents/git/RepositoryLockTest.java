package io.jenkins.plugins.parallelagents.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.report.RunOwner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The repository lock between processes, and between the runs of one JVM. */
@Timeout(300)
class RepositoryLockTest {

  @TempDir Path dir;

  private Process other;

  @AfterEach
  void stopOther() {
    if (other != null) {
      other.destroyForcibly();
    }
  }

  @Test
  void holderKilledWithKill9_doesNotBlockTheNext_andTheWaiterNamesTheHolder() throws Exception {
    Path file = dir.resolve("state").resolve("repository.lock");
    other = jvm("hold", file);
    try (BufferedReader out = reader(other)) {
      assertThat(out.readLine()).isEqualTo("held");
    }
    CompletableFuture<Optional<RunOwner>> named = new CompletableFuture<>();

    CompletableFuture<RepositoryLock.Held> waiter =
        CompletableFuture.supplyAsync(() -> new RepositoryLock(file).acquire(named::complete));

    RunOwner holder = named.get(60, TimeUnit.SECONDS).orElseThrow();
    assertThat(holder.pid()).isEqualTo(other.pid());
    assertThat(holder.processStart())
        .as("the kernel's start mark, which no clock adjustment moves")
        .isEqualTo(RunOwner.of(other.toHandle()).processStart());
    assertThat(waiter).as("waits while the holder lives").isNotDone();
    other.destroyForcibly(); // SIGKILL: no finally, no shutdown hook releases anything
    try (RepositoryLock.Held held = waiter.get(60, TimeUnit.SECONDS)) {
      assertThat(probe(file)).as("another process can take it now").isEqualTo("taken");
    }
    assertThat(probe(file)).isEqualTo("free");
  }

  @Test
  void twoRunsOfOneJvm_takeTurns_withoutReleasingTheFileLockTheFirstHolds() throws Exception {
    Path file = dir.resolve("repository.lock");
    RepositoryLock first = new RepositoryLock(file);
    RepositoryLock second = new RepositoryLock(file);
    CompletableFuture<Optional<RunOwner>> named = new CompletableFuture<>();

    RepositoryLock.Held held = first.acquire();
    CompletableFuture<RepositoryLock.Held> waiter =
        CompletableFuture.supplyAsync(() -> second.acquire(named::complete));

    assertThat(named.get(60, TimeUnit.SECONDS).orElseThrow().pid())
        .isEqualTo(ProcessHandle.current().pid());
    assertThat(probe(file))
        .as("the first run still holds it for other processes")
        .isEqualTo("taken");
    assertThat(waiter).isNotDone();
    held.close();
    try (RepositoryLock.Held next = waiter.get(60, TimeUnit.SECONDS)) {
      assertThat(probe(file)).isEqualTo("taken");
    }
    assertThat(probe(file)).isEqualTo("free");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("no marker left behind").containsExactly(file);
    }
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a deadlock fails
  void acquiringAgainOnTheHoldingThread_failsInsteadOfWaitingForItself() {
    RepositoryLock lock = new RepositoryLock(dir.resolve("repository.lock"));

    try (RepositoryLock.Held held = lock.acquire()) {
      assertThatThrownBy(lock::acquire)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already holds");
    }
    lock.acquire().close(); // and the lock is still usable
  }

  @Test
  void holderThatWroteNothingReadable_isAnUnknownOwner_notAnError() throws Exception {
    Path file = dir.resolve("repository.lock");
    other = jvm("hold", file);
    try (BufferedReader out = reader(other)) {
      assertThat(out.readLine()).isEqualTo("held");
    }
    Files.writeString(file, "{\"host\": 12, \"pid\": \"not a number");
    CompletableFuture<Optional<RunOwner>> named = new CompletableFuture<>();

    CompletableFuture<RepositoryLock.Held> waiter =
        CompletableFuture.supplyAsync(() -> new RepositoryLock(file).acquire(named::complete));

    assertThat(named.get(60, TimeUnit.SECONDS)).isEmpty();
    other.destroyForcibly();
    waiter.get(60, TimeUnit.SECONDS).close();
  }

  private static Process jvm(String mode, Path file) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            LockHolderMain.class.getName(),
            mode,
            file.toString())
        .redirectErrorStream(true)
        .start();
  }

  private static String probe(Path file) throws Exception {
    Process probe = jvm("probe", file);
    try (BufferedReader out = reader(probe)) {
      String line = out.readLine();
      assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
      return line;
    }
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }
}
