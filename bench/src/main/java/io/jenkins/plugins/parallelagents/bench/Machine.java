package io.jenkins.plugins.parallelagents.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine the numbers were taken on: they mean little without it. */
final class Machine {

  private Machine() {}

  static Table describe() {
    return new Table("Machine", List.of("cores", "CPU", "memory", "Java", "git"))
        .row(
            Runtime.getRuntime().availableProcessors(),
            cpu(),
            memory(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
            git());
  }

  private static String cpu() {
    return firstValue(Path.of("/proc/cpuinfo"), "model name", "unknown");
  }

  private static String memory() {
    String kb = firstValue(Path.of("/proc/meminfo"), "MemTotal", "");
    try {
      return Long.parseLong(kb.replace("kB", "").strip()) / (1024 * 1024) + " GB";
    } catch (NumberFormatException e) {
      return "unknown";
    }
  }

  private static String firstValue(Path file, String key, String fallback) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      // not Linux: say so rather than fail the benchmark
    }
    return fallback;
  }

  private static String git() {
    try {
      Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor();
      return out.replace("git version ", "");
    } catch (IOException e) {
      return "not found";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
