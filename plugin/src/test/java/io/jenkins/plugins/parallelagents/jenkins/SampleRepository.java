package io.jenkins.plugins.parallelagents.jenkins;

import hudson.EnvVars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real git repository for a pipeline to work on: a project on branch {@code main} holding {@code
 * agents-plan.yaml}, pushed to a bare {@code origin} that the pipeline clones and publishes to.
 * Every git command, the test's and the Jenkins agents', reads one git configuration written here
 * (a fixed identity, branch {@code main} by default), never the machine's.
 */
final class SampleRepository {

  /** Paths go into shell lines and Groovy strings as they are; keep them plain. */
  private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9/._-]+");

  private final Path root;
  private final Path gitConfig;
  private final Path origin;

  private SampleRepository(Path root, Path gitConfig, Path origin) {
    this.root = root;
    this.gitConfig = gitConfig;
    this.origin = origin;
  }

  /**
   * A project whose first commit holds a README and {@code plan} as {@code agents-plan.yaml},
   * pushed to a new bare repository, its {@code origin}.
   */
  static SampleRepository create(Path temp, String plan) throws IOException {
    Path root = temp.toAbsolutePath();
    if (!PLAIN_PATH.matcher(root.toString()).matches()) {
      throw new IllegalArgumentException("the temporary folder needs a plain path: " + root);
    }
    Path home = Files.createDirectories(root.resolve("home"));
    Path gitConfig = home.resolve(".gitconfig");
    Files.writeString(
        gitConfig,
        "[user]\n\tname = Test Author\n\temail = author@example.com\n"
            + "[init]\n\tdefaultBranch = main\n"
            + "[advice]\n\tdetachedHead = false\n",
        StandardCharsets.UTF_8);
    SampleRepository sample = new SampleRepository(root, gitConfig, root.resolve("origin.git"));
    Path project = Files.createDirectories(root.resolve("project"));
    sample.git(project, "init", "-q", "-b", "main");
    Files.writeString(project.resolve("README.md"), "# Sample project\n", StandardCharsets.UTF_8);
    Files.writeString(project.resolve("agents-plan.yaml"), plan, StandardCharsets.UTF_8);
    sample.git(project, "add", "-A");
    sample.git(project, "commit", "-q", "-m", "Initial commit");
    sample.git(root, "init", "-q", "--bare", "-b", "main", sample.origin.toString());
    sample.git(project, "remote", "add", "origin", sample.origin.toString());
    sample.git(project, "push", "-q", "origin", "main");
    return sample;
  }

  /** The bare repository the pipeline clones from and publishes to. */
  Path origin() {
    return origin;
  }

  /**
   * What a Jenkins agent needs in its environment so that its git (the pipeline's {@code sh} steps
   * and the engine) uses this repository's configuration rather than the machine's.
   */
  EnvVars nodeEnvironment() {
    return new EnvVars(
        "GIT_CONFIG_GLOBAL", gitConfig.toString(),
        "GIT_CONFIG_NOSYSTEM", "1");
  }

  /**
   * Groovy source of a closure that makes the current workspace a checkout of {@code origin}'s
   * {@code main} at a detached commit, as a CI checkout is. It can run again in a workspace that
   * already holds the clone (an earlier stage on the same node): it then only fetches.
   */
  String checkoutClosure() {
    return "{ sh '''\n"
        + "    test -d .git || git clone -q "
        + origin
        + " .\n"
        + "    git fetch -q origin\n"
        + "    git checkout -q --detach origin/main\n"
        + "  ''' }";
  }

  /** The content of {@code file} on {@code branch} of {@code origin}, or null when it has none. */
  String show(String branch, String file) {
    List<String> args = List.of("--git-dir", origin.toString(), "show", branch + ":" + file);
    Result result = run(root, args);
    return result.exitCode == 0 ? result.output : null;
  }

  /** Whether {@code origin} has the branch. */
  boolean hasBranch(String branch) {
    return run(
                root,
                List.of(
                    "--git-dir",
                    origin.toString(),
                    "rev-parse",
                    "--verify",
                    "--quiet",
                    "refs/heads/" + branch))
            .exitCode
        == 0;
  }

  /** Runs git in {@code dir} and returns its trimmed output; fails the test when git fails. */
  String git(Path dir, String... args) {
    Result result = run(dir, List.of(args));
    if (result.exitCode != 0) {
      throw new AssertionError(
          "git " + String.join(" ", args) + " failed (" + result.exitCode + "): " + result.output);
    }
    return result.output;
  }

  private record Result(int exitCode, String output) {}

  private Result run(Path dir, List<String> args) {
    List<String> argv = new ArrayList<>();
    argv.add("git");
    argv.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("GIT_"));
    environment.put("HOME", gitConfig.getParent().toString());
    environment.put("GIT_CONFIG_GLOBAL", gitConfig.toString());
    environment.put("GIT_CONFIG_NOSYSTEM", "1");
    try {
      Process process = builder.start();
      String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("git " + String.join(" ", args) + " did not finish in 60 s");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new AssertionError("git could not run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while git ran", e);
    }
  }
}
