package io.jenkins.plugins.parallelagents.guard;

import io.jenkins.plugins.parallelagents.git.Git;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a range of commits added, read with the git command line: the changed files, the size of
 * each new file, and each added line with its number in the new file.
 */
final class AddedWork {

  /** One changed file: {@code A}dded, {@code M}odified, {@code D}eleted, {@code T}ype changed. */
  record Change(char status, String path) {}

  /** Receives each added line of the patch. */
  interface LineSink {
    void line(String path, int number, String text);
  }

  /** Paths per {@code ls-tree} call: far below any system's limit on a command line's length. */
  private static final int PATHS_PER_CALL = 500;

  private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@");

  private final Git git;
  private final Path repo;
  private final String from;
  private final String to;

  AddedWork(Git git, Path repo, String from, String to) {
    this.git = git;
    this.repo = repo;
    this.from = from;
    this.to = to;
  }

  /** Every changed file, in git's order; renames count as a deletion and an addition. */
  List<Change> changes() {
    String raw = git.output(repo, "diff", "--raw", "-z", "--no-renames", from, to);
    List<Change> changes = new ArrayList<>();
    // -z: ":<modes> <ids> <status>" and the path, each ended by NUL; paths are never quoted.
    String[] fields = raw.split("\0");
    for (int i = 0; i + 1 < fields.length; i += 2) {
      String meta = fields[i].strip();
      changes.add(new Change(meta.charAt(meta.length() - 1), fields[i + 1]));
    }
    return changes;
  }

  /** The size in bytes of each of these files in the newer commit. */
  Map<String, Long> sizes(List<String> paths) {
    Map<String, Long> sizes = new HashMap<>();
    for (int start = 0; start < paths.size(); start += PATHS_PER_CALL) {
      List<String> args =
          new ArrayList<>(List.of("--literal-pathspecs", "ls-tree", "-r", "-l", "-z", to, "--"));
      args.addAll(paths.subList(start, Math.min(paths.size(), start + PATHS_PER_CALL)));
      // "<mode> <type> <id> <size>\t<path>", NUL-ended; a submodule's size is "-".
      for (String entry : git.output(repo, args.toArray(String[]::new)).split("\0")) {
        int tab = entry.indexOf('\t');
        String[] meta = tab < 0 ? new String[0] : entry.substring(0, tab).trim().split("\\s+");
        if (meta.length == 4 && meta[3].matches("\\d+")) {
          sizes.put(entry.substring(tab + 1), Long.parseLong(meta[3]));
        }
      }
    }
    return sizes;
  }

  /**
   * Walks the added lines of every change but the skipped ones. The patch lists the changes in the
   * same order as {@link #changes()}, one {@code diff --git} section each, which names each
   * section's file without parsing its quoted header.
   */
  void addedLines(List<Change> changes, List<String> skipped, LineSink sink) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "diff",
                "-U0",
                "--no-color",
                "--no-ext-diff",
                "--no-textconv",
                "--no-renames",
                from,
                to,
                "--",
                ":(top)"));
    skipped.forEach(path -> args.add(":(exclude,literal)" + path));
    List<Change> sections = changes.stream().filter(c -> !skipped.contains(c.path())).toList();
    String patch = git.output(repo, args.toArray(String[]::new));
    int section = -1;
    int number = 0;
    boolean inHunk = false;
    for (String line : patch.split("\n", -1)) {
      if (line.startsWith("diff --git ")) {
        section++;
        inHunk = false;
        continue;
      }
      if (section < 0 || section >= sections.size()) {
        continue;
      }
      Matcher hunk = HUNK.matcher(line);
      if (hunk.find()) {
        number = Integer.parseInt(hunk.group(1));
        inHunk = true;
      } else if (inHunk && line.startsWith("+")) {
        sink.line(sections.get(section).path(), number++, line.substring(1));
      } else if (inHunk && line.startsWith(" ")) {
        number++;
      }
    }
  }
}
