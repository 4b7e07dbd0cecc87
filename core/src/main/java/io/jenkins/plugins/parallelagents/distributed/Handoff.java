package io.jenkins.plugins.parallelagents.distributed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitException;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.AtomicFiles;
import io.jenkins.plugins.parallelagents.report.JunitXmlReport;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A finished task's result as files another node can take: {@code <task>/task.json} (its entry in
 * the report) and {@code <task>/branch.bundle} (its branch as a git bundle, holding only commits
 * past the run's base, which every node already has). A task that left its branch at the base has
 * no bundle.
 */
public final class Handoff {

  private static final String REPORT = "task.json";
  private static final String BUNDLE = "branch.bundle";

  private final Path root;
  private final NodeRun run;
  private final ObjectMapper json = ReportJson.newMapper();

  /**
   * @param run the run whose tasks' results are handed off here, that each received one is checked
   *     against
   */
  public Handoff(Path root, NodeRun run) {
    this.root = root;
    this.run = run;
  }

  public Path root() {
    return root;
  }

  /** Whether a task's report was handed off here (written here, or unstashed). */
  public boolean has(String taskId) {
    return Files.isRegularFile(root.resolve(taskId).resolve(REPORT), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Writes the task's report and bundles its branch from {@code repo}; writes the task's own {@code
   * junit.xml} in its run folder.
   */
  public void export(Git git, Path repo, TaskReport task, String baseCommit) {
    Path dir = root.resolve(task.id());
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(dir.resolve(BUNDLE));
      if (task.commit() != null && !task.commit().equals(baseCommit)) {
        git.output(
            repo,
            "bundle",
            "create",
            "--quiet",
            dir.resolve(BUNDLE).toString(),
            "refs/heads/" + task.branch(),
            "^" + baseCommit);
      }
      Files.writeString(
          dir.resolve(REPORT), json.writeValueAsString(task) + "\n", StandardCharsets.UTF_8);
      // The task's own test case, for a host that records it where the task ran (Jenkins' stage).
      Path junit = run.directory().taskJunit(task.id());
      Files.createDirectories(junit.getParent());
      AtomicFiles.write(
          junit,
          new JunitXmlReport()
              .renderTask(run.plan().name(), task)
              .getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hand off task '" + task.id() + "' in " + dir, e);
    }
  }

  /**
   * Reads every task handed off so far and fetches their branches into {@code repo}; by task id.
   * Each hand-off is checked first (see {@link HandoffCheck}): a folder named after no task of the
   * plan, a {@code task.json} of another task, run or branch, or a bundle whose branch is not at
   * the commit the report names is refused, and nothing of it is taken.
   *
   * @throws HandoffException when a hand-off is refused or its bundle cannot be fetched, such as
   *     when the repository lacks the run's base commit
   */
  public Map<String, TaskReport> receive(Git git, Path repo) {
    HandoffCheck check = new HandoffCheck(run);
    Map<String, TaskReport> tasks = new LinkedHashMap<>();
    Map<String, Path> bundles = new LinkedHashMap<>();
    for (Path dir : taskDirectories()) {
      Task planned = check.task(dir);
      Path report = dir.resolve(REPORT);
      if (!Files.exists(report, LinkOption.NOFOLLOW_LINKS)) {
        continue; // a task's folder with only its logs so far
      }
      TaskReport task = check.report(planned, report);
      if (task.commit() != null && !task.commit().equals(run.start().baseCommit())) {
        bundles.put(task.id(), dir.resolve(BUNDLE));
      }
      tasks.put(task.id(), task);
    }
    // Every bundle is taken and checked before any branch moves: a refused one leaves none moved.
    List<String> received = new ArrayList<>();
    try {
      for (Map.Entry<String, Path> bundle : bundles.entrySet()) {
        received.add(fetch(git, repo, tasks.get(bundle.getKey()), bundle.getValue()));
      }
      for (String id : bundles.keySet()) {
        TaskReport task = tasks.get(id);
        git.setBranch(repo, task.branch(), task.commit());
      }
    } finally {
      for (String ref : received) {
        git.exec(repo, List.of("update-ref", "-d", ref));
      }
    }
    return tasks;
  }

  /**
   * Takes the task's branch from its bundle into a ref of the engine's own, and checks that the
   * bundle's branch is the report's commit and descends from the run's base; returns the ref.
   */
  private String fetch(Git git, Path repo, TaskReport task, Path bundle) {
    HandoffCheck.requireRegularFile(task.id(), bundle, Long.MAX_VALUE);
    String received = "refs/parallel-agents/received/" + run.runId() + "/" + task.id();
    try {
      git.output(
          repo,
          "fetch",
          "--quiet",
          "--no-tags",
          "--no-write-fetch-head",
          bundle.toString(),
          "+refs/heads/" + task.branch() + ":" + received);
    } catch (GitException e) {
      git.exec(repo, List.of("update-ref", "-d", received));
      throw new HandoffException(
          "cannot take the result of task '"
              + task.id()
              + "' from "
              + bundle
              + " (does this checkout hold the run's base commit?): "
              + e.getMessage());
    }
    String fetched = git.resolveCommit(repo, received).orElse(null);
    if (!task.commit().equals(fetched)) {
      git.exec(repo, List.of("update-ref", "-d", received));
      throw HandoffCheck.refused(
          task.id(),
          "its bundle's branch is at " + fetched + ", not at its report's " + task.commit());
    }
    if (!git.isAncestor(repo, run.start().baseCommit(), fetched)) {
      git.exec(repo, List.of("update-ref", "-d", received));
      throw HandoffCheck.refused(task.id(), "its commit does not descend from the run's base");
    }
    return received;
  }

  private List<Path> taskDirectories() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return new ArrayList<>(
          dirs.filter(p -> Files.isDirectory(p) || Files.isSymbolicLink(p)).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }
}
