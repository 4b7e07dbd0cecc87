package io.jenkins.plugins.parallelagents.push;

import io.jenkins.plugins.parallelagents.distributed.PublishRequest;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.TaskRepositories;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A push that nothing in the workspace can redirect. The result commit is fetched from the
 * workspace's repository into a new bare repository outside it, and pushed from there, by URL, with
 * the {@link PushEnvironment}: the workspace's config ({@code url.*.insteadOf}, {@code
 * core.sshCommand}, {@code credential.helper}, {@code remote.*.pushurl}), its hooks ({@code
 * pre-push}) and the user's global config are never read by the push. The commit is asked for by
 * its id, so whatever the workspace's repository holds, what is pushed is that commit.
 */
public final class CleanPush implements AutoCloseable {

  /** A push reaches over the network; one that hangs this long has failed. */
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  /** A full SHA-1 or SHA-256 object id, lower case as git writes it. */
  private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  private final Map<String, String> environment;
  private final LocalCommandRunner runner;
  private final Git git;
  private final Path repository;

  private CleanPush(Map<String, String> clean, Path repository) {
    Map<String, String> located = new HashMap<>(clean);
    // This repository and no other, whatever folder git is started in.
    located.put("GIT_DIR", repository.toAbsolutePath().toString());
    this.environment = Map.copyOf(located);
    this.runner = new LocalCommandRunner(environment);
    this.git = new Git(runner, Map.of());
    this.repository = repository;
  }

  /**
   * Makes the push repository in a new folder under {@code scratch} (outside the workspace),
   * holding {@code commit} from {@code checkout}'s repository.
   *
   * @param host the host's environment; see {@link PushEnvironment}
   * @param commit the result's full commit id: a name (the integration branch, {@code HEAD}) would
   *     be resolved in the workspace's repository, where anything that ran since the merge could
   *     have moved it
   * @throws PushException when {@code commit} is no full commit id, or the checkout does not hold
   *     it
   */
  public static CleanPush stage(
      Map<String, String> host, Path checkout, String commit, Path scratch)
      throws IOException, PushException {
    if (commit == null || !COMMIT_ID.matcher(commit).matches()) {
      throw new PushException(
          "the result to publish must be named by its full commit id, not '" + commit + "'");
    }
    Files.createDirectories(scratch);
    CleanPush push =
        new CleanPush(PushEnvironment.of(host), Files.createTempDirectory(scratch, "push-"));
    try {
      push.git.output(push.repository, "init", "-q", "--bare", "--template=");
      CommandResult fetched =
          push.git.exec(
              push.repository,
              List.of(
                  "fetch",
                  "-q",
                  "--no-tags",
                  "--no-write-fetch-head",
                  "--no-recurse-submodules",
                  "--",
                  checkout.toAbsolutePath().toString(),
                  commit + ":refs/heads/result"));
      if (!fetched.ok()
          || !commit.equals(push.git.resolveCommit(push.repository, "result").orElse(null))) {
        throw new PushException(
            "the checkout at " + checkout + " does not hold the result commit " + commit);
      }
      return push;
    } catch (PushException | RuntimeException e) {
      push.close();
      throw e;
    }
  }

  /** The push repository, where a host that pushes with its own git client runs it. */
  public Path repository() {
    return repository;
  }

  /** The environment a host's own git client pushes with from {@link #repository()}. */
  public Map<String, String> environment() {
    return environment;
  }

  /**
   * Variables that make an SSH push read no {@code ssh_config}: a folder put first on the {@code
   * PATH} holds an {@code ssh} that runs the host's own with {@code -F /dev/null}. The node user's
   * {@code ~/.ssh/config} is writable by everything that ran as that user, agents included; a
   * {@code ProxyCommand} or {@code Match exec} there would run with the push's credential (the key
   * file that the host's ssh wrapper names in its environment). Git and the Git client plugin's
   * wrapper both run {@code ssh} by its name, so both get this one. Empty where there is no {@code
   * ssh} on the {@code PATH}, or no POSIX shell to run the wrapper.
   *
   * <p>Only for a push with a credential the host binds: without one, the node's own SSH setup (its
   * config's {@code IdentityFile}) is what authenticates the push.
   */
  public Map<String, String> sshWithoutUserConfig() throws IOException {
    String path = environment.getOrDefault("PATH", "");
    Path ssh = onPath(path, "ssh");
    if (ssh == null || File.separatorChar != '/') {
      return Map.of();
    }
    Path bin = Files.createDirectories(repository.resolve("ssh-bin"));
    Path wrapper = bin.resolve("ssh");
    Files.writeString(
        wrapper, "#!/bin/sh\nexec '" + ssh + "' -F /dev/null \"$@\"\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
    return Map.of("PATH", bin + File.pathSeparator + path);
  }

  /** The first executable {@code name} on {@code path} whose location needs no quoting, or null. */
  private static Path onPath(String path, String name) {
    for (String folder : path.split(File.pathSeparator)) {
      if (folder.isEmpty() || !folder.startsWith("/") || folder.contains("'")) {
        continue;
      }
      Path candidate = Path.of(folder, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Pushes the result to {@code request.branch()} at {@code url}, forced only when the request says
   * so.
   *
   * @param credential variables the host binds for {@code url} (an askpass helper), added last
   */
  public PublishReport push(PublishRequest request, String url, Map<String, String> credential) {
    List<String> args = new ArrayList<>(List.of("push", "--porcelain", "--no-verify"));
    if (request.force()) {
      args.add("--force");
    }
    args.add("--");
    args.add(url);
    args.add(request.commit() + ":refs/heads/" + request.branch());
    Map<String, String> variables = new HashMap<>(credential);
    CommandResult result;
    try (LocalCommandRunner withCredential = new LocalCommandRunner(merged(variables))) {
      result = new Git(withCredential, Map.of()).exec(repository, args, TIMEOUT);
    }
    if (result.ok()) {
      return request.pushed();
    }
    String why = result.failureToStart() != null ? result.failureToStart() : result.stderr();
    return request.failed(why + (result.stdout().isBlank() ? "" : "\n" + result.stdout().strip()));
  }

  private Map<String, String> merged(Map<String, String> credential) {
    Map<String, String> all = new HashMap<>(environment);
    all.putAll(credential);
    return all;
  }

  /**
   * Ends this object's use of the push repository without deleting it, for a host whose own git
   * client pushes from it; the host deletes it afterwards.
   */
  public Path release() {
    runner.close();
    return repository;
  }

  /** Deletes the push repository. */
  @Override
  public void close() {
    runner.close();
    try {
      TaskRepositories.remove(repository);
    } catch (RuntimeException e) {
      // Best effort: a folder under the scratch folder, holding only published history.
    }
  }
}
