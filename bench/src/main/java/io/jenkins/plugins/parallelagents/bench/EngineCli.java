package io.jenkins.plugins.parallelagents.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The engine as users run it: the {@code parallel-agents} command, one process per run. */
final class EngineCli {

  /** One run of a plan: the process as measured, and the report the engine wrote. */
  record Run(Measured measured, JsonNode report) {}

  private final List<String> command;
  private final Processes processes;

  /**
   * @param command how to start the CLI: the launcher, or {@code java -jar parallel-agents.jar}
   */
  EngineCli(List<String> command, Processes processes) {
    this.command = List.copyOf(command);
    this.processes = processes;
  }

  Run run(Path plan, Path repository, Path stateDir, int jobs, Path log) throws IOException {
    List<String> argv = new ArrayList<>(command);
    argv.addAll(
        List.of(
            "run",
            plan.toString(),
            "--repo",
            repository.toString(),
            "--state-dir",
            stateDir.toString(),
            "--jobs",
            Integer.toString(jobs)));
    Measured measured = processes.timed(repository, argv, log);
    if (measured.exitCode() != 0) {
      throw new IOException(
          "the engine's run failed (exit " + measured.exitCode() + "); see " + log);
    }
    return new Run(measured, new ObjectMapper().readTree(reportJson(stateDir).toFile()));
  }

  /** Runs another subcommand ({@code validate PLAN}, ...) and measures it. */
  Measured measure(Path dir, Path log, String... args) throws IOException {
    List<String> argv = new ArrayList<>(command);
    argv.addAll(List.of(args));
    Measured measured = processes.timed(dir, argv, log);
    if (measured.exitCode() != 0) {
      throw new IOException(String.join(" ", args) + " failed; see " + log);
    }
    return measured;
  }

  private static Path reportJson(Path stateDir) throws IOException {
    try (Stream<Path> runs = Files.list(stateDir.resolve("runs"))) {
      return runs.map(r -> r.resolve("report.json"))
          .filter(Files::isRegularFile)
          .findFirst()
          .orElseThrow(() -> new IOException("no report.json under " + stateDir));
    }
  }
}
