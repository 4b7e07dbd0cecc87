package io.jenkins.plugins.parallelagents.push;

import io.jenkins.plugins.parallelagents.distributed.PublishRequest;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.TaskRepositories;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
   * @throws PushException when the checkout does not hold the commit
   */
  public static CleanPush stage(
      Map<String, String> host, Path checkout, String commit, Path scratch)
      throws IOException, PushException {
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
