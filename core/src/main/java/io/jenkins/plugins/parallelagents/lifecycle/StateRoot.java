package io.jenkins.plugins.parallelagents.lifecycle;

import java.nio.charset.StandardCharsets;
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

  public Path runDirectory(String runId) {
    return root.resolve("runs").resolve(runId);
  }

  /** The lock the runs of the repository take turns with to write its refs. */
  public Path repositoryLock() {
    return root.resolve("repository.lock");
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
