package io.jenkins.plugins.parallelagents.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * npm for tests of lockfile regeneration, run offline against packages packed into the test's
 * repository. The tests skip, with the reason, only where npm is missing; in CI ({@code CI=true},
 * or {@code PARALLEL_AGENTS_REQUIRE_NPM} set) they fail instead, so that they can never be skipped
 * unnoticed.
 */
public final class Npm {

  private final Map<String, String> environment;
  private final GitSandbox sandbox;

  /**
   * @param sandbox whose HOME holds npm's cache, so that no test reads or fills the machine's
   */
  public Npm(GitSandbox sandbox) {
    Map<String, String> env = new HashMap<>(sandbox.environment());
    env.put("npm_config_update_notifier", "false");
    this.environment = Map.copyOf(env);
    this.sandbox = sandbox;
  }

  public static void assumeInstalled() {
    String missing = problem();
    if (missing == null) {
      return;
    }
    if ("true".equals(System.getenv("CI"))
        || System.getenv("PARALLEL_AGENTS_REQUIRE_NPM") != null) {
      assertThat(missing).as("the npm tests are required here").isNull();
    }
    Assumptions.abort(missing);
  }

  private static String problem() {
    try {
      Process process =
          new ProcessBuilder("npm", "--version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "npm did not answer";
      }
      return process.exitValue() == 0 ? null : "npm does not run here";
    } catch (IOException e) {
      return "npm is not installed";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** The environment a run under test gets: the sandbox's, with npm kept quiet. */
  public Map<String, String> environment() {
    return environment;
  }

  /**
   * Packs a package {@code name}@{@code version} whose module returns {@code name:<argument>} into
   * {@code folder}; returns the tarball's file name ({@code name-version.tgz}).
   */
  public String pack(Path folder, String name, String version) throws IOException {
    Path source = Files.createTempDirectory(folder.getParent(), name);
    GitSandbox.write(
        source,
        Map.of(
            "package.json",
            "{\"name\": \""
                + name
                + "\", \"version\": \""
                + version
                + "\", \"main\": \"index.js\"}",
            "index.js",
            "module.exports = (s) => '" + name + ":' + s;\n"));
    Files.createDirectories(folder);
    run(source, "pack", "--pack-destination", folder.toString());
    return name + "-" + version + ".tgz";
  }

  /**
   * Runs {@code npm args} offline in {@code dir} and returns its output; fails the test if npm
   * fails.
   */
  public String run(Path dir, String... args) {
    List<String> argv = new ArrayList<>(List.of("npm"));
    argv.addAll(List.of(args));
    argv.addAll(List.of("--offline", "--no-audit", "--no-fund"));
    ProcessBuilder builder =
        new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("npm " + String.join(" ", args) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError("npm could not run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Packs each {@code name@version} into {@code repo}'s {@code vendor} folder, writes the lockfile
   * and commits both: the repository's packages then install with no network.
   */
  public void vendor(Path repo, String... packages) throws IOException {
    Path vendor = repo.resolve("vendor");
    for (String nameAtVersion : packages) {
      String[] parts = nameAtVersion.split("@");
      pack(vendor, parts[0], parts[1]);
    }
    run(repo, "install", "--package-lock-only");
    sandbox.git(repo, "add", "-A");
    sandbox.git(repo, "commit", "-q", "-m", "Vendored packages and lockfile");
  }
}
