package io.jenkins.plugins.parallelagents.jenkins.steps;

import java.lang.reflect.Method;
import java.util.regex.Pattern;
import jenkins.plugins.git.AbstractGitSCMSource;
import jenkins.scm.api.SCMRevision;
import jenkins.scm.api.mixin.ChangeRequestSCMRevision;

/**
 * The commit a pull request's revision is of, for any git-based SCM source: a plain git revision
 * ({@link AbstractGitSCMSource.SCMRevisionImpl}) names it; a change request revision ({@link
 * ChangeRequestSCMRevision}) names it by a source's own accessor, which scm-api leaves to each
 * source: {@code getPullHash()} (GitHub Branch Source), or the head's own git revision as {@code
 * getOrigin()} (GitLab Branch Source and others) or {@code getPull()}. They are looked up by name
 * so that the plugin needs none of those sources; a revision that names no commit this way gives
 * null, and the build keeps its documented behaviour (the commit checked out is the base).
 */
final class HeadCommit {

  private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  private HeadCommit() {}

  /** The head commit's full id, or null. */
  static String of(SCMRevision revision) {
    if (revision instanceof AbstractGitSCMSource.SCMRevisionImpl git) {
      return commitId(git.getHash());
    }
    if (revision instanceof ChangeRequestSCMRevision<?> change) {
      if (getter(change, "getPullHash") instanceof String hash) {
        return commitId(hash);
      }
      for (String name : new String[] {"getPull", "getOrigin"}) {
        if (getter(change, name) instanceof AbstractGitSCMSource.SCMRevisionImpl pull) {
          return commitId(pull.getHash());
        }
      }
    }
    return null;
  }

  private static String commitId(String hash) {
    return hash != null && COMMIT_ID.matcher(hash).matches() ? hash : null;
  }

  /** A public getter's value, or null when the revision's class has none of that name. */
  private static Object getter(Object target, String name) {
    try {
      Method method = target.getClass().getMethod(name);
      return method.getParameterCount() == 0 ? method.invoke(target) : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
