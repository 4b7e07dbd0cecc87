package io.jenkins.plugins.parallelagents.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file in one step, so that a process reading it while a run goes on (the Jenkins run
 * page, {@code parallel-agents show}) sees either the old or the new content, never a half-written
 * one. The lifecycle's own files are written the same way.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes {@code content} to a temporary file beside {@code target}, then renames it over. */
  public static void write(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    // Same directory as the target: a rename is only atomic within one file system.
    Path temp =
        Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
    try {
      Files.write(temp, content);
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Some network and FUSE file systems cannot rename atomically; a plain replace is still
        // better than no report.
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
