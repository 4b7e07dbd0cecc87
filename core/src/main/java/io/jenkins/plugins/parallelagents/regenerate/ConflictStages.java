package io.jenkins.plugins.parallelagents.regenerate;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The three versions git keeps of a conflicted file (stage 1 the common base, 2 ours: the
 * combination so far, 3 theirs: the task), and writing a version back into the tree.
 */
final class ConflictStages {

  /** Each version's content, {@code null} where that side has no such file. */
  record Stages(String base, String ours, String theirs) {}

  private final Git git;

  ConflictStages(Git git) {
    this.git = git;
  }

  /**
   * The versions of {@code path}; refused when any is not a plain file: a symbolic link written
   * back as a file, or followed, would reach outside the tree.
   */
  Stages read(Path tree, String path, String task) throws Refusal {
    CommandResult listed = git.exec(tree, List.of("ls-files", "-u", "-z", "--", path));
    if (!listed.ok()) {
      throw new Refusal("git could not list the versions of " + path);
    }
    String[] versions = new String[4];
    for (String entry : listed.stdout().split("\0")) {
      if (entry.isEmpty()) {
        continue;
      }
      // "<mode> <object> <stage>\t<path>"
      String[] fields = entry.substring(0, entry.indexOf('\t')).split(" ");
      int stage = Integer.parseInt(fields[2]);
      if (!fields[0].equals("100644") && !fields[0].equals("100755")) {
        String kind = fields[0].equals("120000") ? "a symbolic link" : "not a plain file";
        throw new Refusal(path + " is " + kind + " in " + side(stage, task));
      }
      versions[stage] = content(tree, fields[1], path);
    }
    return new Stages(versions[1], versions[2], versions[3]);
  }

  private String content(Path tree, String object, String path) throws Refusal {
    CommandResult blob = git.exec(tree, List.of("cat-file", "blob", object));
    if (!blob.ok()) {
      throw new Refusal("git could not read a version of " + path);
    }
    return blob.stdout();
  }

  private static String side(int stage, String task) {
    return switch (stage) {
      case 1 -> "the common base";
      case 2 -> "the combination";
      default -> "'" + task + "'";
    };
  }

  /**
   * Puts {@code content} at {@code path} in the tree, or removes the file when it is {@code null},
   * and stages it. Whatever was there goes first, so that a link is replaced, never followed.
   */
  void write(Path tree, String path, String content) throws Refusal {
    Path file = tree.resolve(path).normalize();
    try {
      Path parent = file.getParent();
      if (!file.startsWith(tree) || !parent.toRealPath().startsWith(tree.toRealPath())) {
        throw new Refusal(path + " is not inside the combined tree");
      }
      Files.deleteIfExists(file);
      if (content != null) {
        Files.writeString(file, content);
      }
    } catch (IOException e) {
      throw new Refusal("could not write " + path + ": " + e.getMessage());
    }
    stage(tree, List.of(path));
  }

  /** Stages {@code paths} as they are in the tree, removals included. */
  void stage(Path tree, List<String> paths) throws Refusal {
    if (paths.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>(List.of("add", "-A", "--"));
    args.addAll(paths);
    if (!git.exec(tree, args).ok()) {
      throw new Refusal("git could not stage " + String.join(", ", paths));
    }
  }

  /** Whether {@code path} is a plain file in the tree (links are not). */
  static boolean isFile(Path tree, String path) {
    return Files.isRegularFile(tree.resolve(path), LinkOption.NOFOLLOW_LINKS);
  }

  /** Files the tree holds that differ from what is staged, and new files git does not ignore. */
  List<String> unstaged(Path tree) throws Refusal {
    CommandResult changed = git.exec(tree, List.of("diff", "--name-only", "-z"));
    CommandResult added =
        git.exec(tree, List.of("ls-files", "--others", "--exclude-standard", "-z"));
    if (!changed.ok() || !added.ok()) {
      throw new Refusal("git could not list what the command changed");
    }
    Set<String> files = new TreeSet<>();
    for (String out : List.of(changed.stdout(), added.stdout())) {
      for (String name : out.split("\0")) {
        if (!name.isEmpty()) {
          files.add(name);
        }
      }
    }
    return List.copyOf(files);
  }
}
