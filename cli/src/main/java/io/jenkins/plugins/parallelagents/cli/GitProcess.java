package io.jenkins.plugins.parallelagents.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The few git commands the demo runs itself to set up its repositories (the run's own git work is
 * the engine's). Output goes through a file so that a hung git cannot block on a full pipe and the
 * timeout still holds.
 */
final class GitProcess {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  /** What a git command ended with: its exit code and its output, stderr included. */
  record Result(int exitCode, String output) {}

  private final Map<String, String> environment;

  GitProcess(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Runs git in {@code directory}; any exit code is an answer. */
  Result run(Path directory, List<String> args) throws CliFailure {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(args);
    Path output = null;
    try {
      output = Files.createTempFile("parallel-agents-git", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
      builder.environment().clear();
      builder.environment().putAll(environment);
      builder.environment().put("GIT_TERMINAL_PROMPT", "0");
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new CliFailure(
            ExitCodes.ENVIRONMENT, display(command) + " did not finish within " + TIMEOUT);
      }
      return new Result(
          process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.ENVIRONMENT,
          List.of("cannot run " + display(command) + ": " + e.getMessage(), "is git installed?"),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.ENVIRONMENT, display(command) + " was interrupted");
    } finally {
      deleteQuietly(output);
    }
  }

  /** Runs git in {@code directory} and returns its output; a non-zero exit is a failure. */
  String require(Path directory, String... args) throws CliFailure {
    Result result = run(directory, List.of(args));
    if (result.exitCode() != 0) {
      List<String> command = new ArrayList<>(List.of("git"));
      command.addAll(List.of(args));
      throw new CliFailure(
          ExitCodes.ENVIRONMENT,
          display(command) + " failed (exit " + result.exitCode() + "): " + result.output());
    }
    return result.output();
  }

  private static String display(List<String> command) {
    return String.join(" ", command);
  }

  private static File nullDevice() {
    return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover temp file is not worth failing the demo for
    }
  }
}
