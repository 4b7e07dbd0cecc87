package io.jenkins.plugins.parallelagents.distributed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitException;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
  private final ObjectMapper json = ReportJson.newMapper();

  public Handoff(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** Writes the task's report and bundles its branch from {@code repo}. */
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
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hand off task '" + task.id() + "' in " + dir, e);
    }
  }

  /**
   * Reads every task handed off so far and fetches their branches into {@code repo}; by task id.
   *
   * @throws HandoffException when a bundle cannot be fetched, such as when the repository lacks the
   *     run's base commit
   */
  public Map<String, TaskReport> receive(Git git, Path repo) {
    Map<String, TaskReport> tasks = new LinkedHashMap<>();
    for (Path dir : taskDirectories()) {
      Path report = dir.resolve(REPORT);
      if (!Files.isRegularFile(report)) {
        continue;
      }
      TaskReport task = read(report);
      Path bundle = dir.resolve(BUNDLE);
      if (Files.isRegularFile(bundle)) {
        fetch(git, repo, task, bundle);
      }
      tasks.put(task.id(), task);
    }
    return tasks;
  }

  private void fetch(Git git, Path repo, TaskReport task, Path bundle) {
    try {
      // '+': a node that ran the task itself already has the branch, at the same commit.
      git.output(
          repo,
          "fetch",
          "--quiet",
          "--no-tags",
          bundle.toString(),
          "+refs/heads/" + task.branch() + ":refs/heads/" + task.branch());
    } catch (GitException e) {
      throw new HandoffException(
          "cannot take the result of task '"
              + task.id()
              + "' from "
              + bundle
              + " (does this checkout hold the run's base commit?): "
              + e.getMessage());
    }
  }

  private List<Path> taskDirectories() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return new ArrayList<>(dirs.filter(Files::isDirectory).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private TaskReport read(Path file) {
    try {
      return json.readValue(file.toFile(), TaskReport.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
