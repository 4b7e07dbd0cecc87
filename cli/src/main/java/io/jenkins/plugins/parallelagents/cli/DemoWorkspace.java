package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.process.CommandResult;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * The demo's own world inside one folder: a copy of the example as a git repository on {@code
 * main}, a bare {@code origin.git} beside it that the run publishes to, and the run's state, so
 * that nothing leaks into the user's repositories or cache.
 */
record DemoWorkspace(Path root, Path repository) {

  /** A fixed identity, so the demo works on a machine where git has none configured. */
  static final String USER_NAME = "Parallel Agents Demo";

  static final String USER_EMAIL = "demo@parallel-agents.invalid";

  Path origin() {
    return root.resolve("origin.git");
  }

  Path stateRoot() {
    return root.resolve("state");
  }

  Path plan() {
    return repository.resolve(ExampleLocator.PLAN_FILE);
  }

  /** Copies {@code example} into {@code root}, commits it on main and pushes it to origin. */
  static DemoWorkspace create(Path root, Path example, GitProcess git)
      throws CliFailure, IOException {
    DemoWorkspace workspace = new DemoWorkspace(root, root.resolve(example.getFileName()));
    copyTree(example, workspace.repository());
    Path repo = workspace.repository();
    git.require(repo, "init", "-q", "-b", "main");
    git.require(repo, withIdentity("add", "-A"));
    git.require(repo, withIdentity("commit", "-q", "-m", "Example project"));
    git.require(root, "init", "-q", "--bare", "-b", "main", workspace.origin().toString());
    git.require(repo, "remote", "add", "origin", workspace.origin().toString());
    git.require(repo, "push", "-q", "origin", "main");
    Files.createDirectories(workspace.stateRoot());
    return workspace;
  }

  /** The commit {@code branch} points to in origin, if origin has it. */
  Optional<String> originBranch(String branch, GitProcess git) throws CliFailure {
    CommandResult result =
        git.run(
            root,
            List.of(
                "--git-dir",
                origin().toString(),
                "rev-parse",
                "--verify",
                "-q",
                "refs/heads/" + branch));
    return result.ok() ? Optional.of(result.stdout().strip()) : Optional.empty();
  }

  private static String[] withIdentity(String... args) {
    String[] command = new String[args.length + 6];
    command[0] = "-c";
    command[1] = "user.name=" + USER_NAME;
    command[2] = "-c";
    command[3] = "user.email=" + USER_EMAIL;
    // a user's signing setup would prompt or fail on a throwaway commit
    command[4] = "-c";
    command[5] = "commit.gpgsign=false";
    System.arraycopy(args, 0, command, 6, args.length);
    return command;
  }

  /** Copies files, keeping executable bits (example agents are scripts), without any .git. */
  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (dir.getFileName().toString().equals(".git")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(
                file,
                to.resolve(from.relativize(file).toString()),
                StandardCopyOption.COPY_ATTRIBUTES,
                LinkOption.NOFOLLOW_LINKS);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Removes the whole demo folder, task repositories and bare origin included. */
  void delete() throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
