package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.git.GitEnvironment;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Nodes as a CI host has them: each its own clone of the origin with its own scratch folder, and
 * hand-offs carried between workspaces as files, the way stash and unstash carry them.
 */
final class NodeCluster {

  private final GitSandbox sandbox;
  private final Path origin;
  private final Plan plan;
  private final Map<String, String> extra = new java.util.LinkedHashMap<>();
  private RunStart start;

  NodeCluster(GitSandbox sandbox, Path origin, Plan plan) {
    this.sandbox = sandbox;
    this.origin = origin;
    this.plan = plan;
  }

  /** A node's workspace: a fresh clone of the origin, checked out at a detached commit. */
  Path node(String name) {
    Path workspace = sandbox.root().resolve(name);
    if (!Files.isDirectory(workspace)) {
      sandbox.git(sandbox.root(), "clone", "-q", origin.toString(), workspace.toString());
      sandbox.git(workspace, "checkout", "-q", "--detach");
    }
    return workspace;
  }

  RunStart start(String runId) throws Exception {
    return start(runId, null);
  }

  /** Fixes the run on a node of its own, for a pull request when {@code changeId} is set. */
  RunStart start(String runId, String changeId) throws Exception {
    Path planNode = node("plan-node");
    start =
        RunStart.resolve(
            new io.jenkins.plugins.parallelagents.git.Git(runner(), environment()),
            plan,
            planNode,
            runId,
            changeId,
            System.currentTimeMillis());
    return start;
  }

  NodeRun on(Path workspace) {
    return new NodeRun(
        plan,
        start,
        workspace,
        workspace,
        workspace.resolveSibling(workspace.getFileName() + "@tmp"));
  }

  NodeTask task(Path workspace) throws Exception {
    return new NodeTask(on(workspace), runner(), environment());
  }

  NodeMerge merge(Path workspace) throws Exception {
    return new NodeMerge(on(workspace), runner(), environment());
  }

  /** Copies a task's hand-off from one workspace to another, as stash and unstash would. */
  void carry(String taskId, Path from, Path to) {
    Path source = on(from).handoff().root().resolve(taskId);
    Path target = on(to).handoff().root().resolve(taskId);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  LocalCommandRunner runner() {
    return new LocalCommandRunner(environment());
  }

  /** Sets {@code name} in every node's environment, as a credentials binding would. */
  NodeCluster with(String name, String value) {
    extra.put(name, value);
    return this;
  }

  Map<String, String> environment() {
    Map<String, String> environment =
        new java.util.LinkedHashMap<>(GitEnvironment.forEngine(sandbox.environment()));
    environment.putAll(extra);
    return environment;
  }
}
