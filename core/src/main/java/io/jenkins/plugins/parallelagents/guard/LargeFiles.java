package io.jenkins.plugins.parallelagents.guard;

import io.jenkins.plugins.parallelagents.agent.AttemptRunner;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitException;
import io.jenkins.plugins.parallelagents.plan.GuardSettings;
import io.jenkins.plugins.parallelagents.plan.PlanSize;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the files over the size limit that the engine's {@code git add -A} would stage, before it
 * runs: staging hashes every byte, so a sparse file of terabytes an agent leaves behind would hold
 * the run for hours before the guard could refuse it. Sizes come from the file system, not from
 * reading the files.
 */
public final class LargeFiles {

  private LargeFiles() {}

  /**
   * The untracked (and not ignored) and the modified files of {@code tree} whose size on disk is
   * over {@code settings.maxFileSize()}, and those whose size cannot be read; files under {@code
   * settings.allow()} are exempt.
   */
  public static List<Finding> find(Git git, Path tree, GuardSettings settings) {
    Set<String> paths = new LinkedHashSet<>();
    paths.addAll(listed(git, tree, "--others", "--exclude-standard"));
    paths.addAll(listed(git, tree, "--modified"));
    PathPatterns allowed = new PathPatterns(settings.allow());
    List<Finding> found = new ArrayList<>();
    for (String path : paths) {
      if (allowed.firstMatch(path) != null) {
        continue;
      }
      try {
        BasicFileAttributes file =
            Files.readAttributes(
                tree.resolve(path), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!file.isDirectory() && file.size() > settings.maxFileSize()) {
          found.add(
              Finding.tooLarge(
                  path, PlanSize.format(file.size()), PlanSize.format(settings.maxFileSize())));
        }
      } catch (NoSuchFileException deleted) {
        // a tracked file the agent removed: nothing to hash
      } catch (IOException e) {
        found.add(Finding.unknownSize(path));
      }
    }
    return found;
  }

  /**
   * The check {@link AttemptRunner} makes before it commits what an agent left: a reason naming
   * each file that is too large, or empty.
   */
  public static AttemptRunner.LeftoverCheck check(Git git, GuardSettings settings) {
    return tree -> {
      List<Finding> found = find(git, tree, settings);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          "the agent left what must not be committed: "
              + String.join("; ", found.stream().map(Finding::message).toList()));
    };
  }

  /**
   * {@code git ls-files} with its paths quoted, so that no byte of a name is lost between git and
   * here (a carriage return would end a line of output).
   */
  private static List<String> listed(Git git, Path tree, String... which) {
    List<String> args = new ArrayList<>(List.of("-c", "core.quotePath=true", "ls-files"));
    args.addAll(List.of(which));
    CommandResult result = git.exec(tree, args);
    if (!result.ok()) {
      throw new GitException(args, result.stderr().strip());
    }
    List<String> paths = new ArrayList<>();
    for (String line : result.stdout().split("\n")) {
      if (!line.isEmpty()) {
        paths.add(unquote(line));
      }
    }
    return paths;
  }

  /** A path as git's C-style quoting writes it: {@code "a\tb\303\274"} is a, tab, b, ü. */
  static String unquote(String quoted) {
    if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")) {
      return quoted;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String body = quoted.substring(1, quoted.length() - 1);
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 == body.length()) {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      char next = body.charAt(++i);
      int octal = "01234567".indexOf(next);
      if (octal >= 0 && i + 2 < body.length()) {
        bytes.write(Integer.parseInt(body.substring(i, i + 3), 8));
        i += 2;
      } else {
        bytes.write(escaped(next));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int escaped(char c) {
    return switch (c) {
      case 'a' -> 7;
      case 'b' -> '\b';
      case 't' -> '\t';
      case 'n' -> '\n';
      case 'v' -> 11;
      case 'f' -> '\f';
      case 'r' -> '\r';
      default -> c;
    };
  }
}
