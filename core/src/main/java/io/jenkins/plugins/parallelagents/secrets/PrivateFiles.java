package io.jenkins.plugins.parallelagents.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files only their owner can read ({@code 0600}): what a run writes may quote an agent or
 * the environment, and other users of a shared machine or CI agent have no business reading it.
 */
public final class PrivateFiles {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /** Replaces {@code file}'s content with {@code text} in UTF-8, the file readable by its owner. */
  public static void write(Path file, String text) throws IOException {
    create(file);
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /**
   * Creates {@code file} empty and owner-only, or makes an existing one owner-only, before anything
   * is written into it. File systems without POSIX permissions are left as they are.
   */
  public static void create(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (!Files.getFileStore(parent).supportsFileAttributeView("posix")) {
      return;
    }
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (FileAlreadyExistsException e) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }
}
