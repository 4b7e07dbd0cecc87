package io.jenkins.plugins.parallelagents.git;

import io.jenkins.plugins.parallelagents.process.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Task trees as repositories of their own. An agent works in a separate repository that borrows the
 * user's objects through git's alternates and has no remote, no hooks and the engine's own minimal
 * config: whatever it does to the refs, config, hooks or remotes of that repository stays there.
 * The engine checks the repository after the agent, then fetches the checked commit into the user's
 * repository; nothing an agent writes is read back without that check.
 *
 * <p>Every call goes through a {@link Git} whose environment ignores system and global config and
 * hooks ({@link GitEnvironment#hardened}), and names the repository it works on.
 */
public final class TaskRepositories {

  /**
   * What {@code git init} writes on Linux. The engine puts it back after every agent step, so that
   * an agent's filter driver, fsmonitor, hooks path, alternate or remote never runs in the engine's
   * own git calls.
   */
  private static final String CONFIG =
      "[core]\n"
          + "\trepositoryformatversion = 0\n"
          + "\tfilemode = true\n"
          + "\tbare = false\n"
          + "\tlogallrefupdates = true\n";

  /**
   * Files that would make git read another repository's administration (a linked worktree's
   * pointers), run programs, hide files from a commit, or answer for history with something else
   * than the commits themselves (replace refs, grafts, a commit graph); none of them exists in a
   * repository the engine made.
   */
  private static final List<String> FOREIGN =
      List.of(
          "commondir",
          "gitdir",
          "config.worktree",
          "hooks",
          "info/attributes",
          "info/exclude",
          "info/grafts",
          "refs/replace",
          "shallow",
          "objects/info/commit-graph",
          "objects/info/commit-graphs");

  private final Git git;
  private final Path source;
  private final Path objects;
  private final RepositoryLock lock;

  /** For a repository no other run writes to at the same time (a node's own checkout). */
  public TaskRepositories(Git git, Path source) {
    this(git, source, RepositoryLock.unshared());
  }

  /**
   * @param git a hardened git
   * @param source the top folder of the user's checkout: the objects are borrowed from it and the
   *     results fetched into it
   * @param lock held while the results are fetched into the user's repository, which other runs may
   *     write at the same time
   */
  public TaskRepositories(Git git, Path source, RepositoryLock lock) {
    this.git = git;
    this.source = source;
    this.objects = git.commonDir(source).resolve("objects").toAbsolutePath().normalize();
    this.lock = lock;
  }

  /** The lock every writer of the user's repository holds while it writes there. */
  public RepositoryLock lock() {
    return lock;
  }

  public Path source() {
    return source;
  }

  /** The user's object folder, which every task repository borrows (read-only for an agent). */
  public Path borrowedObjects() {
    return objects;
  }

  /**
   * Creates {@code tree} as a new repository with {@code branch} at {@code commit} checked out. A
   * tree left there before (a task run again, a merge made again) is replaced: its work is in the
   * user's repository, and a new start must not inherit what an agent left in it.
   */
  public void create(Path tree, String branch, String commit) {
    delete(tree);
    Path parent = tree.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + parent, e);
    }
    // --template= : no sample hooks, nothing the engine did not write itself.
    git.output(
        parent, "init", "--quiet", "--template=", "--initial-branch=" + branch, tree.toString());
    writeAdministration(tree.resolve(".git"));
    git.output(tree, "update-ref", "refs/heads/" + branch, commit);
    git.output(tree, "reset", "--hard", "--quiet");
    try {
      // The copy keeps the index's time: git trusts the stat data of a file written in the same
      // second as the index only after looking at its content ("racy git"), and a copy stamped
      // later would make a same-size edit made in that second look unchanged.
      Files.copy(
          tree.resolve(".git").resolve("index"),
          keptIndex(tree),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.COPY_ATTRIBUTES);
      Files.writeString(keptCommit(tree), commit, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the index of " + tree, e);
    }
  }

  /**
   * Checks what an agent left: the repository is still there and is the engine's, its branch is
   * checked out and still descends from {@code start}. Puts the engine's config, alternates and
   * index back before any git call (the index: an agent's "assume unchanged" or "skip worktree"
   * flags would have the engine commit another tree than the one in the folder). Returns what the
   * agent did wrong in one sentence, or empty.
   *
   * <p>A repository the engine cannot run git in any more is set aside before this returns.
   */
  public Optional<String> check(Path tree, String branch, String start) {
    Path dotGit = tree.resolve(".git");
    Optional<String> broken = reclaim(dotGit);
    if (broken.isPresent()) {
      return broken;
    }
    String expected = "refs/heads/" + branch;
    CommandResult head = git.exec(tree, List.of("symbolic-ref", "--quiet", "HEAD"));
    String checkedOut = head.ok() ? head.stdout().strip() : "a detached HEAD";
    if (!checkedOut.equals(expected)) {
      return Optional.of(
          "the agent switched its repository to "
              + checkedOut.replaceFirst("^refs/heads/", "")
              + "; the task works on "
              + branch);
    }
    Optional<String> tip = git.resolveCommit(tree, expected);
    if (tip.isEmpty()) {
      return Optional.of("the agent deleted the task's branch " + branch);
    }
    if (!git.isAncestor(tree, start, tip.get())) {
      return Optional.of(rewritten(branch, start));
    }
    restoreIndex(tree, tip.get());
    return Optional.empty();
  }

  /**
   * Copies {@code commit} from the task's repository into the user's and points {@code userBranch}
   * there, if it descends from {@code start}. Only that commit and what it reaches are fetched, by
   * id: the task repository's refs are never read. The ancestry is checked again in the user's
   * repository, where no replace ref or graft of the agent's can answer for it. Returns what is
   * wrong with the commit, or empty once it is the branch's.
   */
  public Optional<String> collect(Path tree, String commit, String userBranch, String start) {
    Path dotGit = tree.resolve(".git");
    Optional<String> broken = reclaim(dotGit);
    if (broken.isPresent()) {
      return broken;
    }
    try (RepositoryLock.Held held = lock.acquire()) {
      fetchIntoSource(dotGit, commit);
      if (!git.isAncestor(source, start, commit)) {
        return Optional.of(rewritten(userBranch, start));
      }
      git.setBranch(source, userBranch, commit);
    }
    return Optional.empty();
  }

  /**
   * Makes {@code dotGit} the engine's again before any git call there: a folder it cannot use is
   * set aside and said what is wrong with, else its config, alternates and the rest are put back.
   */
  Optional<String> reclaim(Path dotGit) {
    Optional<String> broken = RepositoryLayout.problem(dotGit);
    if (broken.isPresent()) {
      RepositoryLayout.setAside(dotGit);
    } else {
      writeAdministration(dotGit);
    }
    return broken;
  }

  private static String rewritten(String branch, String start) {
    return "the agent rewrote the history it started from: "
        + branch
        + " no longer contains "
        + start.substring(0, Math.min(12, start.length()))
        + " (a reset, rebase or amend of commits it did not make)";
  }

  /**
   * Makes the index the branch's commit, starting from the one the engine made when it checked the
   * tree out, kept beside the tree where a sandboxed agent cannot write: its entries carry no flag
   * of the agent's ("assume unchanged", "skip worktree") nor stat data it forged, so the engine's
   * next {@code git add -A} stages the folder as it is, and still hashes only the files that
   * changed since the checkout. Without it (a tree made elsewhere), the index is read from the
   * commit alone and every file is hashed. A merge or replay the resolver left keeps its MERGE_HEAD
   * or CHERRY_PICK_HEAD: the engine stages every file anyway.
   */
  void restoreIndex(Path tree, String tip) {
    Path kept = keptIndex(tree);
    if (!Files.isRegularFile(kept, LinkOption.NOFOLLOW_LINKS)) {
      git.output(tree, "read-tree", "HEAD");
      return;
    }
    String keptFor;
    try {
      Path index = tree.resolve(".git").resolve("index");
      Files.deleteIfExists(index);
      Files.copy(kept, index, StandardCopyOption.COPY_ATTRIBUTES); // its time: see create
      keptFor = Files.readString(keptCommit(tree), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot put back the index of " + tree, e);
    }
    if (!keptFor.equals(tip)) {
      // The entries of the branch's commit (the agent committed, or needs were merged in), with
      // the kept index's stat data wherever a file is as it was checked out.
      git.output(tree, "read-tree", "--reset", "HEAD");
    }
  }

  private static Path keptIndex(Path tree) {
    Path absolute = tree.toAbsolutePath().normalize();
    return absolute.resolveSibling("." + absolute.getFileName() + ".index");
  }

  /** The commit the kept index was made for. */
  private static Path keptCommit(Path tree) {
    Path index = keptIndex(tree);
    return index.resolveSibling(index.getFileName() + ".commit");
  }

  /**
   * Fetches {@code commit} from the repository at {@code dotGit} into the user's, by id and
   * checking every object it brings: what a task repository holds is an agent's work.
   */
  void fetchIntoSource(Path dotGit, String commit) {
    git.output(
        source,
        "-c",
        "transfer.fsckObjects=true",
        "fetch",
        "--quiet",
        "--no-tags",
        "--no-write-fetch-head",
        "--no-recurse-submodules",
        dotGit.toAbsolutePath().toString(),
        commit);
  }

  /** Deletes a task's tree with the index the engine kept for it. */
  public static void delete(Path tree) {
    remove(tree);
    remove(keptIndex(tree));
    remove(keptCommit(tree));
    SetupSnapshot.forget(tree);
  }

  /** Deletes a task's repository; its work is in the user's repository by then. */
  public static void remove(Path tree) {
    if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(tree)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + tree, e);
    }
  }

  void writeAdministration(Path dotGit) {
    try {
      for (String name : FOREIGN) {
        remove(dotGit.resolve(name));
      }
      replace(dotGit.resolve("config"), CONFIG);
      Path info = dotGit.resolve("objects").resolve("info");
      if (Files.isSymbolicLink(info)) {
        Files.delete(info);
      }
      Files.createDirectories(info);
      replace(info.resolve("alternates"), objects + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the task repository's config in " + dotGit, e);
    }
  }

  /**
   * Writes a new file in place of whatever is there: a link an agent left (to the user's config,
   * say) is removed, never written through.
   */
  private static void replace(Path file, String content) throws IOException {
    remove(file);
    Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
  }
}
