package io.jenkins.plugins.parallelagents.plan;

import java.util.List;
import java.util.Optional;

/**
 * The plan's {@code cache} section: folders that a tree's setup produces (installed dependencies, a
 * package manager's download cache), reused by every tree whose key files have the same content.
 *
 * @param key files whose contents name the entry (a lockfile), relative to the repository's top
 * @param paths what is saved after setup and put back before it, relative to the repository's top
 */
public record CacheSettings(List<String> key, List<String> paths) {

  public CacheSettings {
    key = List.copyOf(key);
    paths = List.copyOf(paths);
    if (key.isEmpty() || paths.isEmpty()) {
      throw new IllegalArgumentException("a cache needs key files and paths");
    }
    for (String path : key) {
      problem(path).ifPresent(why -> fail("key", path, why));
    }
    for (String path : paths) {
      problem(path).ifPresent(why -> fail("paths", path, why));
    }
  }

  /**
   * Why {@code path} cannot name a file or folder of the repository's tree, or empty when it can:
   * the cache copies into and out of the tree, and nothing it names may lead out of it or into
   * git's own folder.
   */
  public static Optional<String> problem(String path) {
    if (path.isBlank()) {
      return Optional.of("is empty");
    }
    if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
      return Optional.of("is absolute; give a path inside the repository");
    }
    List<String> segments = List.of(path.split("[/\\\\]+"));
    if (segments.contains("..")) {
      return Optional.of("leads out of the repository ('..')");
    }
    if (segments.stream().anyMatch(s -> s.equalsIgnoreCase(".git"))) {
      return Optional.of("is inside git's own folder");
    }
    if (segments.stream().allMatch(s -> s.isEmpty() || s.equals("."))) {
      return Optional.of("is the whole repository");
    }
    return Optional.empty();
  }

  private static void fail(String list, String path, String why) {
    throw new IllegalArgumentException("cache " + list + " '" + path + "' " + why);
  }
}
