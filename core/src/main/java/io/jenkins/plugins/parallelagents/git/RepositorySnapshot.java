package io.jenkins.plugins.parallelagents.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What of the user's repository a run must find as it left it, taken when the run starts: the
 * commits of the base, the target and the checked-out branch, and the files that decide what git
 * does there and where a push goes (the repository's config and hooks, the user's global git
 * config). The engine changes none of them before it publishes, so a change seen after a task's
 * attempt, or before publishing, was made by someone else: most likely an agent, which can reach
 * the user's files unless it runs in the sandbox.
 *
 * @param refs full ref name to its commit, or to the empty string when it did not exist
 * @param files file or folder to the SHA-256 of its content then (a folder: of its files' names and
 *     contents), or to the empty string when it was missing
 */
public record RepositorySnapshot(Map<String, String> refs, Map<Path, String> files) {

  public RepositorySnapshot {
    refs = Map.copyOf(refs);
    files = Map.copyOf(files);
  }

  /**
   * @param globalConfig the user's global git config files, whichever exist
   */
  public static RepositorySnapshot take(
      Git git, Path repo, Collection<String> refNames, List<Path> globalConfig) {
    Map<String, String> refs = new LinkedHashMap<>();
    for (String ref : refNames) {
      refs.put(ref, git.resolveCommit(repo, ref).orElse(""));
    }
    Path common = git.commonDir(repo);
    Map<Path, String> files = new LinkedHashMap<>();
    for (Path file :
        Stream.concat(
                Stream.of(common.resolve("config"), common.resolve("hooks")), globalConfig.stream())
            .toList()) {
      files.put(file, digest(file));
    }
    return new RepositorySnapshot(refs, files);
  }

  /**
   * The user's global git config files, as git finds them: {@code GIT_CONFIG_GLOBAL}, or {@code
   * ~/.gitconfig} and {@code $XDG_CONFIG_HOME/git/config}.
   */
  public static List<Path> globalConfig(Map<String, String> environment) {
    String global = environment.get("GIT_CONFIG_GLOBAL");
    if (global != null && !global.isBlank()) {
      return List.of(Path.of(global));
    }
    String home = environment.get("HOME");
    if (home == null || home.isBlank()) {
      return List.of();
    }
    String xdg = environment.get("XDG_CONFIG_HOME");
    Path xdgConfig = xdg == null || xdg.isBlank() ? Path.of(home, ".config") : Path.of(xdg);
    return List.of(Path.of(home, ".gitconfig"), xdgConfig.resolve("git").resolve("config"));
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
    for (Map.Entry<Path, String> file : files.entrySet()) {
      if (!digest(file.getKey()).equals(file.getValue())) {
        return Optional.of(
            "your git configuration ("
                + file.getKey()
                + ") changed during the run"
                + BY_SOMEONE_ELSE);
      }
    }
    return Optional.empty();
  }

  private static final String BY_SOMEONE_ELSE =
      "; the engine did not do that: the agent, or another program (or you), changed your"
          + " repository";

  private static String digest(Path path) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> all = Files.walk(path)) {
          for (Path file : all.sorted().toList()) {
            sha.update(path.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            if (Files.isRegularFile(file)) {
              sha.update(Files.readAllBytes(file));
            }
          }
        }
      } else if (Files.exists(path)) {
        sha.update(Files.readAllBytes(path));
      } else {
        return "";
      }
      return HexFormat.of().formatHex(sha.digest());
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
