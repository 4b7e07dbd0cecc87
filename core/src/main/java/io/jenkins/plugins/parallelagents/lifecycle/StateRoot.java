package io.jenkins.plugins.parallelagents.lifecycle;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where a repository's runs and worktrees live: outside the user's checkout, one folder per
 * repository under the user's cache folder (as Codex keeps {@code ~/.codex/worktrees}).
 */
public record StateRoot(Path root) {

  /** The file naming the checkout whose runs the folder holds. */
  static final String OWNER = "repository";

  /** {@code ${XDG_CACHE_HOME:-~/.cache}/parallel-agents/<repo-folder>-<hash of its path>}. */
  public static StateRoot defaultFor(Path repositoryTop, Map<String, String> environment) {
    String xdg = environment.get("XDG_CACHE_HOME");
    Path cache;
    if (xdg != null && !xdg.isBlank()) {
      cache = Path.of(xdg);
    } else {
      String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
      cache = Path.of(home, ".cache");
    }
    Path top = repositoryTop.toAbsolutePath().normalize();
    String folder = top.getFileName() == null ? "root" : top.getFileName().toString();
    return new StateRoot(cache.resolve("parallel-agents").resolve(folder + "-" + shortHash(top)));
  }

  /**
   * Checks that this folder holds the runs of the checkout at {@code top}, or of none yet: runs,
   * clean and restore act on one repository's branches, and a folder given to two repositories
   * (with {@code --state-dir}) would have one repository's runs cleaned, resumed or snapshotted
   * into the other. Writes nothing.
   *
   * @throws EnvironmentException when the folder belongs to another checkout
   */
  public void checkOwner(Path top) throws EnvironmentException {
    Path file = root.resolve(OWNER);
    String mine = owner(top);
    try {
      if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        String owner = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!owner.equals(mine)) {
          throw new EnvironmentException(
              "the state folder " + root + " holds the runs of " + owner + ", not of " + mine,
              "give this checkout a --state-dir of its own");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Ties this folder to the checkout at {@code top}, once a run of it is about to start. */
  public void claim(Path top) throws EnvironmentException {
    checkOwner(top);
    Path file = root.resolve(OWNER);
    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.createDirectories(root);
      Files.writeString(file, owner(top) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String owner(Path top) {
    return top.toAbsolutePath().normalize().toString();
  }

  public Path runDirectory(String runId) {
    return root.resolve("runs").resolve(runId);
  }

  /** The lock the runs of the repository take turns with to write its refs. */
  public Path repositoryLock() {
    return root.resolve("repository.lock");
  }

  /** The plan's {@code cache} entries, shared by this repository's runs; safe to delete. */
  public Path cache() {
    return root.resolve("cache");
  }

  /**
   * Which databases run {@code runId} made, with its server's credentials: outside the run's
   * folder, whose files are shared as reports.
   */
  public Path databaseLedger(String runId) {
    return root.resolve("databases").resolve(runId + ".json");
  }

  public Path worktrees(String runId) {
    return root.resolve("worktrees").resolve(runId);
  }

  private static String shortHash(Path path) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(path.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
