package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A real {@code parallel-agents run} process, cancelled by a real signal, says so in its code. */
class SignalExitCodeTest {

  private static final String PLAN =
      """
      version: 1
      name: stuck
      agents:
        stuck: { command: ["sh", "-c", "echo working; sleep 9999"] }
      defaults:
        agent: stuck
      tasks:
        - id: stuck
          prompt: Wait.
      """;

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"INT, 130", "TERM, 143"})
  @Timeout(120)
  void signalDuringARun_cancelsIt_writesTheReport_andExitsWithTheSignalsCode(
      String signal, int exitCode) throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Host host = Cli.isolatedHost(dir.resolve("home"), repo);
    git(host, repo, "init", "-q", "-b", "main");
    Files.writeString(repo.resolve("README.md"), "app\n");
    git(host, repo, "add", "-A");
    git(host, repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "init");
    Path plan = Plans.write(dir, "agents-plan.yaml", PLAN);
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "run",
                plan.toString(),
                "--repo",
                repo.toString(),
                "--state-dir",
                dir.resolve("state").toString())
            .directory(repo.toFile())
            .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(host.environment());
    Process cli = builder.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.contains("stuck RUNNING")) {
        lines.add(line);
      }
      assertThat(line).as("the task started; so far: %s", lines).isNotNull();

      new ProcessBuilder("kill", "-s", signal, Long.toString(cli.pid())).start().waitFor();

      out.lines().forEach(lines::add);
    }

    assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(cli.exitValue()).as("exit code; output: %s", lines).isEqualTo(exitCode);
    assertThat(lines).anyMatch(l -> l.contains("stuck CANCELLED"));
  }

  private static void git(Host host, Path repo, String... args)
      throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("git"));
    argv.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(argv).directory(repo.toFile()).inheritIO();
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.putAll(host.environment());
    assertThat(builder.start().waitFor()).isZero();
  }
}
