package io.jenkins.plugins.parallelagents.carry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Optional;

/**
 * Copies one file from the user's checkout into a tree without following a link on either side: a
 * link in the checkout could lead to any file of the machine, and a link committed into the tree
 * (by a foundation task's agent, say) could lead the copy anywhere.
 */
final class TreeCopy {

  private TreeCopy() {}

  /** Copies {@code relative}; returns why it was not copied, or empty once it is. */
  static Optional<String> copy(Path checkout, Path tree, String relative) {
    Path from = inside(checkout, relative).orElse(null);
    if (from == null) {
      return Optional.of("a folder on its way in the checkout is a symbolic link");
    }
    if (Files.isSymbolicLink(from)) {
      return Optional.of("a symbolic link in the checkout, not followed");
    }
    if (!Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of("not a regular file");
    }
    Path to = inside(tree, relative).orElse(null);
    if (to == null) {
      return Optional.of("a folder on its way in the tree is a symbolic link");
    }
    if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of("the tree has it already (its commit holds it)");
    }
    try {
      makeFolders(tree, to.getParent());
      // NOFOLLOW on the source: a file swapped for a link since it was listed is not read.
      try (InputStream in = Files.newInputStream(from, LinkOption.NOFOLLOW_LINKS)) {
        // Without REPLACE_EXISTING the target is created exclusively, never written through a link.
        Files.copy(in, to);
      }
      copyPermissions(from, to);
      return Optional.empty();
    } catch (FileAlreadyExistsException e) {
      return Optional.of("a file or folder of the tree is in the way");
    } catch (IOException e) {
      return Optional.of("cannot be copied: " + e.getMessage());
    }
  }

  /**
   * {@code relative} under {@code top}, or empty when it leads out of it or a folder on the way is
   * a link.
   */
  private static Optional<Path> inside(Path top, String relative) {
    Path root = top.toAbsolutePath().normalize();
    Path path = root.resolve(relative).normalize();
    if (!path.startsWith(root) || path.equals(root)) {
      return Optional.empty();
    }
    for (Path folder = path.getParent(); !folder.equals(root); folder = folder.getParent()) {
      if (Files.isSymbolicLink(folder)) {
        return Optional.empty();
      }
    }
    return Optional.of(path);
  }

  /** Makes the missing folders one by one: none of them can be a link, checked just before. */
  private static void makeFolders(Path tree, Path folder) throws IOException {
    Path root = tree.toAbsolutePath().normalize();
    Path current = root;
    for (Path name : root.relativize(folder)) {
      current = current.resolve(name);
      if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(current);
      }
    }
  }

  /** A key file readable by its owner only stays so in every tree. */
  private static void copyPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView source =
        Files.getFileAttributeView(from, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    PosixFileAttributeView target =
        Files.getFileAttributeView(to, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (source != null && target != null) {
      target.setPermissions(source.readAttributes().permissions());
    }
  }
}
