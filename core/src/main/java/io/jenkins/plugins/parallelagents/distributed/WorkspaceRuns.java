package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.lifecycle.RunIds;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.report.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The runs one node's workspace holds traces of: a folder under {@code .parallel-agents/runs/} or
 * {@code .parallel-agents/handoff/}, a tree folder under {@code <scratch>/worktrees/}, or a branch
 * {@code agents/<run>/<name>} in the checkout. A node that only ran tasks has no {@code
 * report.json}, so a run's age is the time it was last active here: the newest of its report's
 * start and end, and of the modification times of everything in its run and hand-off folders and of
 * its worktrees folder itself (not of the trees' files, which are an agent's to set). A run known
 * only by its branches counts from their newest commit.
 */
final class WorkspaceRuns {

  /**
   * One run's traces in the workspace.
   *
   * @param report its {@code report.json} on this node (the merge node's), or {@code null}
   */
  record Traces(
      String id,
      Instant lastActive,
      Path runFolder,
      Path handoff,
      Path worktrees,
      RunReport report) {}

  private final Path workspace;
  private final Path scratch;
  private final Git git;
  private final Path top;

  WorkspaceRuns(NodeRun run, Git git, Path top) {
    this.workspace = run.workspace();
    this.scratch = run.scratch();
    this.git = git;
    this.top = top;
  }

  /** Every run with a trace here, the most recently active first. */
  List<Traces> list() {
    Map<String, Instant> branchTimes = branchTimes();
    TreeSet<String> ids = new TreeSet<>(branchTimes.keySet());
    ids.addAll(folderNames(workspace.resolve(NodeRun.FOLDER).resolve("runs")));
    ids.addAll(folderNames(workspace.resolve(NodeRun.FOLDER).resolve("handoff")));
    ids.addAll(folderNames(scratch.resolve("worktrees")));
    List<Traces> runs = new ArrayList<>();
    for (String id : ids) {
      Path runFolder = workspace.resolve(NodeRun.runPath(id));
      Path handoff = workspace.resolve(NodeRun.handoffPath(id));
      Path worktrees = scratch.resolve("worktrees").resolve(id);
      RunReport report = report(runFolder).orElse(null);
      Instant last = newest(runFolder, newest(handoff, Instant.EPOCH));
      last = later(last, modified(worktrees));
      if (report != null) {
        last = later(last, report.run().startedAt());
        last = later(last, report.run().finishedAt());
      }
      if (last.equals(Instant.EPOCH)) {
        last = branchTimes.getOrDefault(id, Instant.EPOCH);
      }
      runs.add(new Traces(id, last, runFolder, handoff, worktrees, report));
    }
    runs.sort(Comparator.comparing(Traces::lastActive).thenComparing(Traces::id).reversed());
    return runs;
  }

  /** The run ids of the branches {@code agents/<run>/<name>}, to their newest commit's time. */
  private Map<String, Instant> branchTimes() {
    String out =
        git.output(
            top, "for-each-ref", "--format=%(committerdate:unix) %(refname)", "refs/heads/agents/");
    Map<String, Instant> times = new HashMap<>();
    for (String line : out.split("\n")) {
      String[] parts = line.split(" ", 2);
      if (parts.length < 2) {
        continue;
      }
      String[] names = parts[1].substring("refs/heads/agents/".length()).split("/");
      // agents/pr-<id> and other branches of one level are targets, not a run's branches.
      if (names.length < 2 || !RunIds.isValid(names[0])) {
        continue;
      }
      Instant time = Instant.ofEpochSecond(Long.parseLong(parts[0]));
      times.merge(names[0], time, WorkspaceRuns::later);
    }
    return times;
  }

  private static List<String> folderNames(Path folder) {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return names;
    }
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(folder, p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (RunIds.isValid(name)) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder, e);
    }
    return names;
  }

  private static Optional<RunReport> report(Path runFolder) {
    Path file = new RunDirectory(runFolder).reportJson();
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      RunReport report = new ReportJson().read(file);
      return report.run() == null ? Optional.empty() : Optional.of(report);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // half-written: the folder's times still date the run
    }
  }

  /** The newest modification time of {@code folder} and everything in it, links not followed. */
  private static Instant newest(Path folder, Instant since) {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return since;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      Instant newest = since;
      for (Path path : (Iterable<Path>) paths::iterator) {
        newest = later(newest, modified(path));
      }
      return newest;
    } catch (IOException | UncheckedIOException e) {
      return since; // a file that went while walking does not date the run
    }
  }

  private static Instant modified(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .lastModifiedTime()
          .toInstant();
    } catch (IOException e) {
      return null;
    }
  }

  private static Instant later(Instant a, Instant b) {
    if (b == null) {
      return a;
    }
    return a == null || b.isAfter(a) ? b : a;
  }
}
