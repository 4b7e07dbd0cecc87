package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code parallel-agents run} processes on one repository at the same time, round after round:
 * both write the repository's refs and objects (each task's commit is fetched into it, its branch
 * moved, the target published), and neither may fail on the other's doing.
 */
class ConcurrentRunsTest {

  private static final int ROUNDS = 10;

  @TempDir Path dir;

  @Test
  @Timeout(900)
  void twoRunProcessesOnOneRepository_bothSucceedEveryRound() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Host host = Cli.isolatedHost(dir.resolve("home"), repo);
    TestRepositories.init(host, repo);
    for (int round = 1; round <= ROUNDS; round++) {
      Path first = Plans.write(dir, "first.yaml", plan("first-" + round));
      Path second = Plans.write(dir, "second.yaml", plan("second-" + round));

      CompletableFuture<Finished> a = CompletableFuture.supplyAsync(() -> run(host, repo, first));
      CompletableFuture<Finished> b = CompletableFuture.supplyAsync(() -> run(host, repo, second));

      for (Finished finished : List.of(a.get(), b.get())) {
        assertThat(finished.exitCode())
            .as("round %d, exit code of %s; output:%n%s", round, finished.plan(), finished.output())
            .isZero();
      }
    }
    assertThat(
            TestRepositories.git(
                host, repo, "branch", "--list", "agents/first-*", "agents/second-*"))
        .as("every round published both targets")
        .hasSize(2 * ROUNDS);
  }

  /** Three quick tasks, each writing a file of its own; the target is named after the plan. */
  private static String plan(String name) {
    return """
        version: 1
        name: %s
        agents:
          write: { command: ["sh", "-c", "echo done > \\"$0.txt\\"", "{task}"] }
        defaults:
          agent: write
        tasks:
          - id: one
            prompt: Write one.txt.
          - id: two
            prompt: Write two.txt.
          - id: three
            prompt: Write three.txt.
        """
        .formatted(name);
  }

  private record Finished(Path plan, int exitCode, String output) {}

  private static Finished run(Host host, Path repo, Path plan) {
    try {
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "run",
                  plan.toString())
              .directory(repo.toFile())
              .redirectErrorStream(true);
      builder.environment().clear();
      builder.environment().putAll(host.environment());
      Process cli = builder.start();
      String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(cli.waitFor(300, TimeUnit.SECONDS)).as("%s ended", plan).isTrue();
      return new Finished(plan, cli.exitValue(), output);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
