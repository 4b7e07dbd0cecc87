package io.jenkins.plugins.parallelagents.cache;

import io.jenkins.plugins.parallelagents.plan.CacheSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The plan's {@code cache}: what setup makes in one tree (installed dependencies, a download
 * cache), reused by the other trees whose key files have the same contents. An entry is the folder
 * {@code <root>/<sha-256 of the key files>}, written once by the first tree to finish its setup
 * with that key and read by every tree after.
 *
 * <p>Entries are copies, never links, both ways: an agent that edits what was restored into its
 * tree edits its own copy, not the entry every other tree restores. A symbolic link is copied as
 * the link it is, never followed, so a link in a tree leads nowhere new and its target is neither
 * read nor written. Nothing is restored over what the tree already has.
 */
public final class TreeCache {

  /** No cache: restoring and saving do nothing. */
  public static final TreeCache NONE = new TreeCache(null, null);

  private final CacheSettings settings;
  private final Path root;

  /**
   * @param settings the plan's cache, or {@code null} for none
   * @param root the folder holding the entries, shared by the runs of one state folder
   */
  public TreeCache(CacheSettings settings, Path root) {
    this.settings = settings;
    this.root = root;
  }

  /**
   * Copies the entry for {@code tree}'s key files into it, path by path, where the tree has nothing
   * at that path yet. Returns whether there was an entry.
   */
  public boolean restore(Path tree) {
    if (settings == null) {
      return false;
    }
    Path entry = root.resolve(key(tree));
    if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    for (String path : settings.paths()) {
      Path from = entry.resolve(path);
      Optional<Path> to = TreePaths.inside(tree, path);
      if (to.isPresent()
          && Files.exists(from, LinkOption.NOFOLLOW_LINKS)
          && !Files.exists(to.get(), LinkOption.NOFOLLOW_LINKS)
          && TreePaths.linksStayInside(from)) {
        TreePaths.copy(from, to.get());
      }
    }
    return true;
  }

  /**
   * What a tree holds before its setup runs: the key its key files have then (setup runs code that
   * could rewrite them) and the cache paths it has nothing at. Only those can be saved: what was
   * there before setup came from the checkout, that is from agents' commits, and is not setup's to
   * share.
   */
  public record BeforeSetup(String key, List<String> absent) {
    public BeforeSetup {
      absent = List.copyOf(absent);
    }
  }

  /** Looks at {@code tree} before its setup; {@code null} without a cache. */
  public BeforeSetup beforeSetup(Path tree) {
    if (settings == null) {
      return null;
    }
    List<String> absent =
        settings.paths().stream()
            .filter(
                path ->
                    TreePaths.inside(tree, path)
                        .map(p -> !Files.exists(p, LinkOption.NOFOLLOW_LINKS))
                        .orElse(false))
            .toList();
    return new BeforeSetup(key(tree), absent);
  }

  /**
   * Saves what {@code tree}'s setup made at the cache paths as the entry for the key its files had
   * {@code before} setup, unless there is one already or setup made none of the paths. Returns
   * whether this call wrote the entry. A path holding a link that leads out of it (an absolute
   * link, or one climbing out with {@code ..}) is not saved: restored into another tree, it would
   * lead there too.
   *
   * <p>The entry is assembled in a folder of its own and renamed into place in one step: a tree
   * restoring at the same time sees no entry or a whole one, and of two trees saving the same key
   * at once the first rename wins and the other's copy is dropped.
   */
  public boolean save(Path tree, BeforeSetup before) {
    if (settings == null || before == null) {
      return false;
    }
    Path entry = root.resolve(before.key());
    if (Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Path staging = root.resolve(".saving-" + UUID.randomUUID());
    try {
      boolean any = false;
      for (String path : before.absent()) {
        Optional<Path> from = TreePaths.inside(tree, path);
        if (from.isPresent()
            && Files.exists(from.get(), LinkOption.NOFOLLOW_LINKS)
            && TreePaths.linksStayInside(from.get())) {
          TreePaths.copy(from.get(), staging.resolve(path));
          any = true;
        }
      }
      if (!any) {
        return false;
      }
      return publish(staging, entry);
    } finally {
      TreePaths.deleteIfPresent(staging);
    }
  }

  private static boolean publish(Path staging, Path entry) {
    try {
      Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException e) {
      if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        return false; // another tree saved the same key first
      }
      throw new UncheckedIOException("cannot save the cache entry " + entry, e);
    }
  }

  /**
   * The SHA-256 of the key files' names and contents, in the plan's order; a missing key file
   * counts as missing, and a key file that is a link counts as its link text, never followed.
   */
  String key(Path tree) {
    MessageDigest digest = sha256();
    for (String name : settings.key()) {
      digest.update(name.getBytes(StandardCharsets.UTF_8));
      Optional<Path> file = TreePaths.inside(tree, name);
      try {
        if (file.isPresent() && Files.isSymbolicLink(file.get())) {
          digest.update((byte) 2);
          digest.update(
              Files.readSymbolicLink(file.get()).toString().getBytes(StandardCharsets.UTF_8));
        } else if (file.isPresent() && Files.isRegularFile(file.get(), LinkOption.NOFOLLOW_LINKS)) {
          digest.update((byte) 1);
          digest.update(Files.readAllBytes(file.get()));
        } else {
          digest.update((byte) 0);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the cache key file " + name, e);
      }
      digest.update((byte) 0);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
