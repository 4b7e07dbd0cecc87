package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Git repositories for the command tests, made with the host's isolated git. */
final class TestRepositories {

  private TestRepositories() {}

  /** {@code repo} as a repository on {@code main} with one commit. */
  static void init(Host host, Path repo) throws IOException, InterruptedException {
    git(host, repo, "init", "-q", "-b", "main");
    Files.writeString(repo.resolve("README.md"), "app\n");
    git(host, repo, "add", "-A");
    git(host, repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "init");
  }

  /** Runs git in {@code repo}; returns its output lines, failing the test when git fails. */
  static List<String> git(Host host, Path repo, String... args)
      throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("git"));
    argv.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(argv).directory(repo.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(host.environment());
    Process git = builder.start();
    String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(git.waitFor()).as("git %s: %s", args, out).isZero();
    return out.lines().map(String::strip).toList();
  }
}
