package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.git.Git;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Keeps the run's folder out of {@code git status} when the workspace is the checkout itself (as in
 * Jenkins), through the repository's own {@code info/exclude}, which nothing commits.
 */
final class WorkspaceExclusion {

  private static final String LINE = "/" + NodeRun.FOLDER + "/";

  private WorkspaceExclusion() {}

  static void ensure(Git git, Path top, Path workspace) {
    if (!workspace.toAbsolutePath().normalize().equals(top.toAbsolutePath().normalize())) {
      return;
    }
    Path exclude = git.commonDir(top).resolve("info").resolve("exclude");
    try {
      List<String> lines =
          Files.isRegularFile(exclude)
              ? Files.readAllLines(exclude, StandardCharsets.UTF_8)
              : List.of();
      if (lines.contains(LINE)) {
        return;
      }
      Files.createDirectories(exclude.getParent());
      String prefix = lines.isEmpty() || Files.readString(exclude).endsWith("\n") ? "" : "\n";
      Files.writeString(
          exclude,
          prefix + LINE + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + exclude, e);
    }
  }
}
