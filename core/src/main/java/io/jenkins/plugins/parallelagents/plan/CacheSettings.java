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
    for (int i = 0; i < paths.size(); i++) {
      String path = paths.get(i);
      overlap(paths, i).ifPresent(why -> fail("paths", path, why));
    }
  }

  /**
   * Why item {@code index} of {@code paths} cannot be saved on its own, or empty: it names the same
   * folder as another item, or one under it (each would be copied twice).
   */
  public static Optional<String> overlap(List<String> paths, int index) {
    List<String> mine = segments(paths.get(index));
    for (int other = 0; other < paths.size(); other++) {
      List<String> theirs = segments(paths.get(other));
      if (other == index || mine.size() < theirs.size()) {
        continue;
      }
      boolean under = mine.subList(0, theirs.size()).equals(theirs);
      if (under && (mine.size() > theirs.size() || other < index)) {
        return Optional.of("is also '" + paths.get(other) + "' or under it: name each folder once");
      }
    }
    return Optional.empty();
  }

  private static List<String> segments(String path) {
    return java.util.Arrays.stream(path.split("[/\\\\]+"))
        .filter(s -> !s.isEmpty() && !s.equals("."))
        .toList();
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
