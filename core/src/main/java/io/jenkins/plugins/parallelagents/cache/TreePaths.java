package io.jenkins.plugins.parallelagents.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Copies between a tree and the cache without ever following a link out of either. */
final class TreePaths {

  private TreePaths() {}

  /**
   * {@code relative} inside {@code tree}, or empty when a folder on the way is a link: writing or
   * reading through it would reach wherever the link points.
   */
  static Optional<Path> inside(Path tree, String relative) {
    Path top = tree.toAbsolutePath().normalize();
    Path path = top.resolve(relative).normalize();
    if (!path.startsWith(top) || path.equals(top)) {
      return Optional.empty();
    }
    for (Path folder = path.getParent(); !folder.equals(top); folder = folder.getParent()) {
      if (Files.isSymbolicLink(folder)) {
        return Optional.empty();
      }
    }
    return Optional.of(path);
  }

  /**
   * Copies {@code from} (a file, a folder or a link) to {@code to}, which must not exist: folders
   * are made, files copied with their permissions, links made again with the same text.
   */
  static void copy(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      // walkFileTree follows no link unless asked to: a link arrives as a file whose attributes
      // say it is a link.
      Files.walkFileTree(
          from,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              Files.createDirectory(to.resolve(from.relativize(dir).toString()));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Path target = to.resolve(from.relativize(file).toString());
              if (attrs.isSymbolicLink()) {
                Files.createSymbolicLink(target, Files.readSymbolicLink(file));
              } else if (attrs.isRegularFile()) {
                Files.copy(
                    file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
    }
  }

  /**
   * Whether every link at or under {@code path} is relative and leads to a place under {@code
   * path}: node_modules' {@code .bin} links do; one an install script planted to reach elsewhere
   * does not.
   */
  static boolean linksStayInside(Path path) {
    Path top = path.toAbsolutePath().normalize();
    try (Stream<Path> all = Files.walk(top)) {
      return all.filter(Files::isSymbolicLink)
          .allMatch(
              link -> {
                try {
                  Path target = Files.readSymbolicLink(link);
                  return !target.isAbsolute()
                      && !link.equals(top)
                      && link.getParent().resolve(target).normalize().startsWith(top);
                } catch (IOException e) {
                  return false;
                }
              });
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  static void deleteIfPresent(Path folder) {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + folder, e);
    }
  }
}
