package io.jenkins.plugins.parallelagents.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What of the user's repository a run must find as it left it, taken when the run starts: the
 * commits of the base, the target and the checked-out branch, and the repository's config file. The
 * engine changes none of them before it publishes, so a change seen after a task's attempt was made
 * by someone else: most likely the agent, which can reach the user's files unless it runs in the
 * sandbox.
 *
 * @param refs full ref name to its commit, or to the empty string when it did not exist
 * @param config the repository's config file (remotes, hooks path, filters)
 * @param configDigest that file's SHA-256 then, or the empty string when it was missing
 */
public record RepositorySnapshot(Map<String, String> refs, Path config, String configDigest) {

  public RepositorySnapshot {
    refs = Map.copyOf(refs);
  }

  public static RepositorySnapshot take(Git git, Path repo, Collection<String> refNames) {
    Map<String, String> refs = new LinkedHashMap<>();
    for (String ref : refNames) {
      refs.put(ref, git.resolveCommit(repo, ref).orElse(""));
    }
    Path config = git.commonDir(repo).resolve("config");
    return new RepositorySnapshot(refs, config, digest(config));
  }

  /** The first change since the snapshot, as a sentence; empty when there is none. */
  public Optional<String> changed(Git git, Path repo) {
    for (Map.Entry<String, String> ref : refs.entrySet()) {
      String now = git.resolveCommit(repo, ref.getKey()).orElse("");
      if (!now.equals(ref.getValue())) {
        return Optional.of(
            ref.getKey()
                + " of your repository "
                + (now.isEmpty()
                    ? "was deleted"
                    : ref.getValue().isEmpty()
                        ? "was created at " + shortId(now)
                        : "moved from " + shortId(ref.getValue()) + " to " + shortId(now))
                + " during the run"
                + BY_SOMEONE_ELSE);
      }
    }
    if (!digest(config).equals(configDigest)) {
      return Optional.of(
          "your repository's config (" + config + ") changed during the run" + BY_SOMEONE_ELSE);
    }
    return Optional.empty();
  }

  private static final String BY_SOMEONE_ELSE =
      "; the engine did not do that: the agent, or another program (or you), changed your"
          + " repository";

  private static String digest(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (IOException e) {
      return "";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String shortId(String commit) {
    return commit.substring(0, Math.min(12, commit.length()));
  }
}
