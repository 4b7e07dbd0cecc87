package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.distributed.NodeRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Hand-offs as a CI carries them: a task's result is a folder named after the task holding {@code
 * task.json}, its {@code branch.bundle} and its {@code logs/}; a job is given folders of them, or
 * folders of such folders (one per artifact, as a CI's download leaves them). Only plain files are
 * ever copied, never what a link points to; the engine checks what they say when it takes them.
 */
final class HandoffFolders {

  static final String REPORT = "task.json";
  static final String BUNDLE = "branch.bundle";
  static final String LOGS = "logs";

  private HandoffFolders() {}

  /**
   * Every hand-off in {@code folders}, by task id.
   *
   * @throws CliFailure when a folder is missing, or two hand-offs are for one task: one of them
   *     cannot be the task's real result, and which one is unknown
   */
  static Map<String, Path> find(List<Path> folders) throws CliFailure {
    Map<String, Path> found = new TreeMap<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
        throw new CliFailure(ExitCodes.USAGE, "no hand-off folder " + folder);
      }
      for (Path entry : subfolders(folder)) {
        if (isHandoff(entry)) {
          add(found, entry);
        } else {
          for (Path inner : subfolders(entry)) {
            if (isHandoff(inner)) {
              add(found, inner);
            }
          }
        }
      }
    }
    return found;
  }

  /** Copies the hand-offs into the run's hand-off folder, which holds nothing else afterwards. */
  static void stage(Map<String, Path> handoffs, NodeRun run) {
    Path root = run.handoff().root();
    delete(root);
    for (Map.Entry<String, Path> handoff : handoffs.entrySet()) {
      Path source = handoff.getValue();
      Path target = root.resolve(handoff.getKey());
      copyFile(source.resolve(REPORT), target.resolve(REPORT));
      copyFile(source.resolve(BUNDLE), target.resolve(BUNDLE));
      copyTree(source.resolve(LOGS), run.directory().taskDir(handoff.getKey()));
    }
  }

  /** Writes the task's hand-off and logs to {@code out/<task>/}, replacing an earlier one. */
  static Path export(NodeRun run, String taskId, Path out) {
    Path target = out.resolve(taskId);
    delete(target);
    Path source = run.handoff().root().resolve(taskId);
    copyFile(source.resolve(REPORT), target.resolve(REPORT));
    copyFile(source.resolve(BUNDLE), target.resolve(BUNDLE));
    copyTree(run.directory().taskDir(taskId), target.resolve(LOGS));
    return target;
  }

  private static boolean isHandoff(Path folder) {
    return Files.exists(folder.resolve(REPORT), LinkOption.NOFOLLOW_LINKS);
  }

  private static void add(Map<String, Path> found, Path handoff) throws CliFailure {
    String task = handoff.getFileName().toString();
    for (String name : List.of(REPORT, BUNDLE)) {
      Path file = handoff.resolve(name);
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
          && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new CliFailure(
            ExitCodes.USAGE,
            "the hand-off of task '"
                + task
                + "' was refused: its "
                + name
                + " is not a plain file ("
                + file
                + ")");
      }
    }
    Path earlier = found.putIfAbsent(task, handoff);
    if (earlier != null) {
      throw new CliFailure(
          ExitCodes.USAGE,
          "two hand-offs of task '"
              + task
              + "' ("
              + earlier
              + " and "
              + handoff
              + "): a task has one result; give each task's hand-off once");
    }
  }

  private static List<Path> subfolders(Path folder) {
    List<Path> folders = new ArrayList<>();
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(folder, p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
      entries.forEach(folders::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder, e);
    }
    folders.sort(Comparator.naturalOrder());
    return folders;
  }

  private static void copyFile(Path source, Path target) {
    if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.createDirectories(target.getParent());
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
    }
  }

  /** The plain files under {@code source}; links, and what is under linked folders, are left. */
  static void copyTree(Path source, Path target) {
    if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          copyFile(file, target.resolve(source.relativize(file).toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source, e);
    }
  }

  private static void delete(Path folder) {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty " + folder, e);
    }
  }
}
