package io.jenkins.plugins.parallelagents.excerpt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the JUnit XML reports a test command wrote into its tree: XML files in a {@code
 * surefire-reports}, {@code failsafe-reports} or {@code test-results} folder, or named {@code
 * TEST-*.xml} or {@code junit*.xml}, written since the command started (older ones are another
 * run's). The walk is bounded, never follows a symbolic link (the tree is agent-written: a link
 * could point anywhere on the machine) and skips {@code .git} and {@code node_modules}.
 */
final class JunitXmlFiles {

  static final int MAX_FILES = 200;

  /**
   * Reports larger than this are not read: the parser holds one attribute or text whole, and the
   * test (agent code) can write a file of any size. A real report of this size names thousands of
   * tests; the log still gives the excerpt.
   */
  static final long MAX_BYTES = 16L << 20;

  private static final int MAX_DEPTH = 12;
  private static final Set<String> REPORT_FOLDERS =
      Set.of("surefire-reports", "failsafe-reports", "test-results");
  private static final Set<String> SKIPPED = Set.of(".git", "node_modules");

  private JunitXmlFiles() {}

  /** The report files under {@code tree} modified at or after {@code since}, in path order. */
  static List<Path> find(Path tree, Instant since) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          tree,
          Set.of(),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return SKIPPED.contains(name(dir))
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()
                  && attrs.size() <= MAX_BYTES
                  && isReport(file)
                  && !attrs.lastModifiedTime().toInstant().isBefore(since)) {
                found.add(file);
              }
              return found.size() >= MAX_FILES
                  ? FileVisitResult.TERMINATE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | UncheckedIOException e) {
      // a tree that cannot be walked has no reports to add; the log still speaks
    }
    found.sort(null);
    return found;
  }

  private static boolean isReport(Path file) {
    String name = name(file);
    String lower = name.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".xml")) {
      return false;
    }
    Path parent = file.getParent();
    return (parent != null && REPORT_FOLDERS.contains(name(parent)))
        || name.startsWith("TEST-")
        || lower.startsWith("junit");
  }

  private static String name(Path path) {
    Path name = path.getFileName();
    return name == null ? "" : name.toString();
  }
}
