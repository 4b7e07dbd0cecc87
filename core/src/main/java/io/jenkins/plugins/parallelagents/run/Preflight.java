package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitVersion;
import io.jenkins.plugins.parallelagents.git.RepositorySnapshot;
import io.jenkins.plugins.parallelagents.lifecycle.Publications;
import io.jenkins.plugins.parallelagents.merge.PublishTarget;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a plan can run here before anything is created: git is there and recent enough, the
 * folder is a git checkout, the base exists, the target can be published. Each failure says the fix
 * in one line.
 */
public final class Preflight {

  /** The folder of every run's branches, {@code agents/<run>/<task>} ({@link Branches}). */
  private static final String RUN_BRANCHES = "agents";

  /**
   * @param top the checkout's top folder
   * @param baseRef the base as named (the plan's, or the current branch, or {@code HEAD})
   * @param baseCommit the base resolved to a commit
   * @param targetCommit the target branch's commit now, or {@code null} if it does not exist
   * @param identity variables giving commits an author when git has none configured
   * @param author the author of the engine's own commits: the user's configured identity, or the
   *     engine's when there is none (the engine's git reads no global config)
   * @param pushUrl where publishing pushes, read from the repository's config now (a later change
   *     to that config does not redirect the push), or {@code null} without {@code publish.remote}
   * @param userRepository the base, target and checked-out branch and the config, as they are now
   * @param publishTarget the target judged fit to be replaced, by {@link PublishPreflight}; {@code
   *     null} until then
   * @param publications where publishing records what it published
   */
  public record Checked(
      Path top,
      String baseRef,
      String baseCommit,
      String targetCommit,
      Map<String, String> identity,
      Map<String, String> author,
      String pushUrl,
      RepositorySnapshot userRepository,
      PublishTarget publishTarget,
      Publications publications) {

    /** The same, with the target as {@link PublishPreflight} judged it. */
    public Checked withPublishTarget(PublishTarget target, Publications publications) {
      return new Checked(
          top,
          baseRef,
          baseCommit,
          targetCommit,
          identity,
          author,
          pushUrl,
          userRepository,
          target,
          publications);
    }
  }

  private Preflight() {}

  /**
   * @param top the checkout's top folder, as {@link #repository(Git, Path)} found it
   * @param environment the run's environment: it says where the user's global git config is, which
   *     the snapshot of the repository watches too
   */
  public static Checked check(Git git, Plan plan, Path top, Map<String, String> environment)
      throws EnvironmentException {
    String baseRef = plan.base();
    if (baseRef == null) {
      baseRef = git.currentBranch(top).orElse("HEAD");
    }
    String ref = baseRef;
    String baseCommit =
        git.resolveCommit(top, baseRef)
            .orElseThrow(
                () ->
                    new EnvironmentException(
                        "unknown base '"
                            + ref
                            + "': no branch, tag or commit of that name in "
                            + top,
                        "fetch or create '"
                            + ref
                            + "', or set 'base:' in the plan to an existing branch"));
    target(git, top, plan.target());
    String targetCommit = git.resolveCommit(top, "refs/heads/" + plan.target()).orElse(null);
    return new Checked(
        top,
        baseRef,
        baseCommit,
        targetCommit,
        identity(git, top),
        author(git, top),
        pushUrl(git, top, plan.publish().remote()),
        RepositorySnapshot.take(
            git,
            top,
            watchedRefs(git, top, baseRef, plan.target()),
            RepositorySnapshot.globalConfig(environment)),
        null,
        null);
  }

  /** The base when it is a branch, the target, and the branch checked out in the checkout. */
  private static Set<String> watchedRefs(Git git, Path top, String baseRef, String target) {
    Set<String> refs = new LinkedHashSet<>();
    git.output(top, "rev-parse", "--symbolic-full-name", "--end-of-options", baseRef)
        .lines()
        .filter(ref -> ref.startsWith("refs/heads/"))
        .forEach(refs::add);
    refs.add("refs/heads/" + target);
    git.currentBranch(top).ifPresent(branch -> refs.add("refs/heads/" + branch));
    return refs;
  }

  /**
   * The URL a push to {@code remote} goes to, with the repository's {@code insteadOf} rules
   * applied: a remote given as a URL or a path is taken as it is.
   */
  private static String pushUrl(Git git, Path top, String remote) throws EnvironmentException {
    if (remote == null) {
      return null;
    }
    if (remote.contains("/") || remote.contains(":")) {
      return remote;
    }
    CommandResult url = git.exec(top, List.of("remote", "get-url", "--push", "--", remote));
    if (!url.ok() || url.stdout().isBlank()) {
      throw new EnvironmentException(
          "the plan publishes to remote '" + remote + "', which " + top + " does not have",
          "add it (git remote add " + remote + " URL), or change publish.remote in the plan");
    }
    return url.stdout().strip();
  }

  /**
   * Checks that the target can be published here, so that a run does not do all its work only to
   * fail at the end: git keeps branches as files and folders, so {@code main/sub} cannot exist
   * beside {@code main}; and a branch checked out somewhere would change under that checkout.
   */
  static void target(Git git, Path top, String target) throws EnvironmentException {
    String fix = "set 'target:' in the plan to another branch name";
    if (target.equals(RUN_BRANCHES)) {
      // Every run makes branches under it, so the target could never be written at the end.
      throw new EnvironmentException(
          "target '"
              + target
              + "' clashes with the run's own branches "
              + RUN_BRANCHES
              + "/<run>/<task>: git cannot keep both a branch '"
              + target
              + "' and branches under '"
              + target
              + "/'",
          fix);
    }
    String[] parts = target.split("/");
    List<String> args = new ArrayList<>(List.of("for-each-ref", "--format=%(refname)"));
    StringBuilder prefix = new StringBuilder("refs/heads");
    for (String part : parts) {
      prefix.append('/').append(part);
      args.add(prefix.toString()); // matches the branch of that name and every branch below it
    }
    for (String ref : git.output(top, args.toArray(String[]::new)).lines().toList()) {
      String branch = ref.substring("refs/heads/".length());
      boolean below = branch.startsWith(target + "/");
      if (below || target.startsWith(branch + "/")) {
        String outer = below ? target : branch;
        throw new EnvironmentException(
            "target '"
                + target
                + "' clashes with branch '"
                + branch
                + "': git cannot keep both a branch '"
                + outer
                + "' and branches under '"
                + outer
                + "/'",
            fix);
      }
    }
    if (git.checkedOutBranches(top).contains(target)) {
      throw new EnvironmentException(
          "target '"
              + target
              + "' is checked out in "
              + top
              + " or one of its worktrees; publishing would change that checkout",
          "check out another branch there, or " + fix);
    }
  }

  /**
   * Checks that git is there and recent enough and that {@code repository} is inside a sha1 git
   * checkout; returns the checkout's top folder.
   */
  public static Path repository(Git git, Path repository) throws EnvironmentException {
    if (!Files.isDirectory(repository)) {
      throw new EnvironmentException(
          "no such folder: " + repository, "run from inside a git checkout, or pass --repo DIR");
    }
    GitVersion version = git.version(repository);
    if (version == null) {
      throw new EnvironmentException(
          "git was not found on the PATH", "install git " + GitVersion.MINIMUM + " or newer");
    }
    if (version.compareTo(GitVersion.MINIMUM) < 0) {
      throw new EnvironmentException(
          "git " + version + " is too old: conflict prediction needs git merge-tree --write-tree",
          "install git " + GitVersion.MINIMUM + " or newer");
    }
    Path top =
        git.topLevel(repository)
            .orElseThrow(
                () ->
                    new EnvironmentException(
                        "not a git repository: " + repository.toAbsolutePath(),
                        "run from inside a git checkout, or pass --repo DIR"));
    String format = git.output(top, "rev-parse", "--show-object-format");
    if (!format.equals("sha1")) {
      throw new EnvironmentException(
          "this repository names its objects with " + format + ", which the engine cannot read yet",
          "run the plan in a sha1 repository (git's default)");
    }
    return top;
  }

  /**
   * The author of the engine's own commits, always given in the environment: the user's name and
   * email from their git config, or the engine's on a machine with none.
   */
  public static Map<String, String> author(Git git, Path top) {
    Map<String, String> env = new LinkedHashMap<>(identity(git, top));
    if (env.isEmpty()) {
      String name = git.config(top, "user.name").orElseThrow();
      String email = git.config(top, "user.email").orElseThrow();
      env.put("GIT_AUTHOR_NAME", name);
      env.put("GIT_AUTHOR_EMAIL", email);
      env.put("GIT_COMMITTER_NAME", name);
      env.put("GIT_COMMITTER_EMAIL", email);
    }
    return env;
  }

  /** Commits need an author; a machine with no git identity (a fresh CI box) gets the engine's. */
  public static Map<String, String> identity(Git git, Path top) {
    Map<String, String> env = new LinkedHashMap<>();
    if (git.config(top, "user.name").isEmpty() || git.config(top, "user.email").isEmpty()) {
      env.put("GIT_AUTHOR_NAME", "Parallel Agents");
      env.put("GIT_AUTHOR_EMAIL", "parallel-agents@localhost");
      env.put("GIT_COMMITTER_NAME", "Parallel Agents");
      env.put("GIT_COMMITTER_EMAIL", "parallel-agents@localhost");
    }
    return env;
  }
}
