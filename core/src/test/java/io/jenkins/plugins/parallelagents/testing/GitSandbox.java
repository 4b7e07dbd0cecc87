package io.jenkins.plugins.parallelagents.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A git world isolated from the machine: its own HOME, global config and cache folder, a fixed
 * identity, and helpers to make real repositories in a temp folder.
 */
public final class GitSandbox {

  private final Path root;
  private final Map<String, String> environment;

  public GitSandbox(Path root) throws IOException {
    this.root = root;
    Path home = Files.createDirectories(root.resolve("home"));
    Path config = home.resolve(".gitconfig");
    Files.writeString(
        config,
        "[user]\n\tname = Test Author\n\temail = author@example.com\n"
            + "[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.keySet().removeIf(k -> k.startsWith("GIT_"));
    env.put("HOME", home.toString());
    env.put("GIT_CONFIG_GLOBAL", config.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("XDG_CACHE_HOME", root.resolve("cache").toString());
    env.put("XDG_CONFIG_HOME", root.resolve("config").toString());
    this.environment = Map.copyOf(env);
  }

  /** The environment a run under test starts from. */
  public Map<String, String> environment() {
    return environment;
  }

  public Path root() {
    return root;
  }

  /** A new repository on branch main with the given files committed. */
  public Path repository(String name, Map<String, String> files) throws IOException {
    Path repo = Files.createDirectories(root.resolve(name));
    git(repo, "init", "-q", "-b", "main");
    write(repo, files);
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "Initial commit");
    return repo;
  }

  /** A bare repository holding {@code repo}'s main branch, added to it as {@code origin}. */
  public Path bareOrigin(Path repo) throws IOException {
    Path bare = root.resolve(repo.getFileName() + "-origin.git");
    git(root, "init", "-q", "--bare", bare.toString());
    git(repo, "remote", "add", "origin", bare.toString());
    git(repo, "push", "-q", "origin", "main");
    return bare;
  }

  public static void write(Path dir, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = dir.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** Runs git and returns its trimmed output; fails the test when git fails. */
  public String git(Path dir, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add("git");
    argv.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("git " + String.join(" ", args) + " failed: " + out);
      }
      return out.strip();
    } catch (IOException e) {
      throw new AssertionError("git could not run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The content of {@code path} at {@code ref}, or null when it has no such file. */
  public String show(Path repo, String ref, String path) {
    try {
      return git(repo, "show", ref + ":" + path);
    } catch (AssertionError e) {
      return null;
    }
  }
}
