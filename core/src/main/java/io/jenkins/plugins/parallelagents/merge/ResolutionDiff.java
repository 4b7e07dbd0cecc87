package io.jenkins.plugins.parallelagents.merge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * What the resolver agent did to each conflicted file, as a unified diff from the file as the merge
 * left it (conflict markers included) to the file as the resolver left it. The files are the
 * resolver's work: a file that became a symbolic link is shown as the link, never followed, and a
 * diff longer than {@link #MAX_LINES} lines is cut.
 */
final class ResolutionDiff {

  static final int MAX_LINES = 200;

  /** Larger files are named, not diffed: a resolved lockfile is not read in a report. */
  static final long MAX_BYTES = 1024 * 1024;

  private final Path worktree;
  private final Map<String, String> before = new LinkedHashMap<>();

  private ResolutionDiff(Path worktree) {
    this.worktree = worktree;
  }

  /** Keeps the conflicted {@code files} as they are now, before the resolver changes them. */
  static ResolutionDiff before(Path worktree, List<String> files) {
    ResolutionDiff diff = new ResolutionDiff(worktree);
    files.forEach(file -> diff.before.put(file, read(worktree, file)));
    return diff;
  }

  /** The diff of {@code file} from when this was made to now. */
  String after(String file) {
    String old = before.getOrDefault(file, "");
    String now = read(worktree, file);
    if (old.equals(now)) {
      return "(unchanged)\n";
    }
    RawText a = new RawText(old.getBytes(StandardCharsets.UTF_8));
    RawText b = new RawText(now.getBytes(StandardCharsets.UTF_8));
    EditList edits =
        DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
            .diff(RawTextComparator.DEFAULT, a, b);
    ByteArrayOutputStream hunks = new ByteArrayOutputStream();
    try (DiffFormatter formatter = new DiffFormatter(hunks)) {
      formatter.format(edits, a, b);
    } catch (IOException e) {
      return "(no diff: " + e.getMessage() + ")\n";
    }
    return cut("--- a/" + file + "\n+++ b/" + file + "\n" + hunks.toString(StandardCharsets.UTF_8));
  }

  private static String cut(String diff) {
    List<String> lines = diff.lines().toList();
    if (lines.size() <= MAX_LINES) {
      return diff;
    }
    return String.join("\n", lines.subList(0, MAX_LINES))
        + "\n… "
        + (lines.size() - MAX_LINES)
        + " more lines not shown\n";
  }

  /**
   * The file's text, or a line saying what stands there instead: nothing, a symbolic link, a file
   * outside the tree or one too large to show.
   */
  private static String read(Path worktree, String file) {
    Path path = worktree.resolve(file);
    try {
      if (Files.isSymbolicLink(path)) {
        return "(symbolic link to " + Files.readSymbolicLink(path) + ")\n";
      }
      if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        return "";
      }
      // A folder on the way that became a link would lead out of the tree.
      if (!path.toRealPath().startsWith(worktree.toRealPath())) {
        return "(outside the tree)\n";
      }
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        return "(not a file)\n";
      }
      if (Files.size(path) > MAX_BYTES) {
        return "(" + Files.size(path) + " bytes, too large to show)\n";
      }
      return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")\n";
    }
  }
}
