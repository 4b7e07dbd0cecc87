package io.jenkins.plugins.parallelagents.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the processes of the benchmark, all with the same environment: git isolated from the
 * machine's configuration, so that the engine and the baseline run under identical settings.
 */
final class Processes {

  private final Map<String, String> environment;

  Processes(Path home) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("HOME", home.toString());
    env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString());
    env.put("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z");
    env.put("GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z");
    env.remove("GIT_DIR");
    env.remove("GIT_WORK_TREE");
    this.environment = Map.copyOf(env);
  }

  /** The environment every process of the benchmark starts with. */
  Map<String, String> environment() {
    return environment;
  }

  /** Runs a command to its end, timing it and following the peak memory of its process. */
  Measured timed(Path dir, List<String> argv, Path log) throws IOException {
    ProcessBuilder builder = builder(dir, argv);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    long t0 = System.nanoTime();
    Process process = builder.start();
    PeakMemory memory = PeakMemory.follow(process.pid());
    int exit = waitFor(process);
    long wallMs = (System.nanoTime() - t0) / 1_000_000;
    return new Measured(wallMs, memory.stop(), exit);
  }

  /** Runs a command that must succeed and returns its standard output. */
  String output(Path dir, List<String> argv) throws IOException {
    return input(dir, argv, null);
  }

  /** The same, with {@code stdin} fed to the command. */
  String input(Path dir, List<String> argv, String stdin) throws IOException {
    Path err = Files.createTempFile("bench", ".err");
    try {
      ProcessBuilder builder = builder(dir, argv).redirectError(err.toFile());
      if (stdin == null) {
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      }
      Process process = builder.start();
      if (stdin != null) {
        try (var in = process.getOutputStream()) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = waitFor(process);
      if (exit != 0) {
        throw new IOException(
            String.join(" ", argv) + " exited with " + exit + ": " + Files.readString(err).strip());
      }
      return out;
    } finally {
      Files.deleteIfExists(err);
    }
  }

  private ProcessBuilder builder(Path dir, List<String> argv) {
    ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    return builder;
  }

  private static int waitFor(Process process) throws IOException {
    try {
      if (!process.waitFor(30, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException("a measured command ran for more than 30 minutes");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted", e);
    }
  }
}
