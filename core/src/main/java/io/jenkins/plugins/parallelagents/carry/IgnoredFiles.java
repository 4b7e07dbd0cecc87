package io.jenkins.plugins.parallelagents.carry;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitException;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The files of a checkout that match the carry patterns and that git ignores there. A tracked file
 * travels through git already, and an untracked one that is not ignored is work in progress the
 * user has not committed: neither is carried.
 */
final class IgnoredFiles {

  /** Paths per git call: far below the kernel's limit on a command line. */
  private static final int BATCH = 500;

  private IgnoredFiles() {}

  /** The matching ignored files, relative to {@code checkout}'s top, in name order. */
  static List<String> matching(Git git, Path checkout, List<String> patterns) {
    if (patterns.isEmpty()) {
      return List.of();
    }
    // Untracked files the carry patterns select, read with gitignore's own rules...
    List<String> selected = new ArrayList<>(List.of("ls-files", "-z", "--others", "--ignored"));
    patterns.forEach(pattern -> selected.add("--exclude=" + pattern));
    List<String> candidates = paths(git, checkout, selected);
    // ...that the checkout's own ignore files ignore too.
    TreeSet<String> ignored = new TreeSet<>();
    for (int from = 0; from < candidates.size(); from += BATCH) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--literal-pathspecs",
                  "ls-files",
                  "-z",
                  "--others",
                  "--ignored",
                  "--exclude-standard",
                  "--"));
      args.addAll(candidates.subList(from, Math.min(candidates.size(), from + BATCH)));
      ignored.addAll(paths(git, checkout, args));
    }
    return List.copyOf(ignored);
  }

  /** Git's NUL-separated list of paths, untrimmed: a file name may end with a space. */
  private static List<String> paths(Git git, Path dir, List<String> args) {
    CommandResult result = git.exec(dir, args);
    if (!result.ok()) {
      throw new GitException(args, result.stderr().strip());
    }
    return Arrays.stream(result.stdout().split("\0")).filter(p -> !p.isEmpty()).toList();
  }
}
