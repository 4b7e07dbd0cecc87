package io.jenkins.plugins.parallelagents.jenkins.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.plugins.git.AbstractGitSCMSource;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.SCMRevision;
import jenkins.scm.api.mixin.ChangeRequestSCMHead;
import jenkins.scm.api.mixin.ChangeRequestSCMRevision;
import org.junit.jupiter.api.Test;

/** The pull request's head commit, from the revision types of the git-based sources. */
class HeadCommitTest {

  private static final String PULL = "1111111111111111111111111111111111111111";
  private static final String TARGET = "2222222222222222222222222222222222222222";

  static final class Head extends SCMHead implements ChangeRequestSCMHead {
    private static final long serialVersionUID = 1L;

    Head() {
      super("PR-7");
    }

    @NonNull
    @Override
    public String getId() {
      return "7";
    }

    @NonNull
    @Override
    public SCMHead getTarget() {
      return new SCMHead("main");
    }
  }

  private static final Head HEAD = new Head();
  private static final SCMRevision TARGET_REVISION =
      new AbstractGitSCMSource.SCMRevisionImpl(new SCMHead("main"), TARGET);

  /** As GitHub Branch Source's PullRequestSCMRevision names its head. */
  public static final class WithPullHash extends ChangeRequestSCMRevision<Head> {
    private static final long serialVersionUID = 1L;
    private final String pullHash;

    WithPullHash(String pullHash) {
      super(HEAD, TARGET_REVISION);
      this.pullHash = pullHash;
    }

    public String getPullHash() {
      return pullHash;
    }

    @Override
    public boolean equivalent(ChangeRequestSCMRevision<?> revision) {
      return revision == this;
    }

    @Override
    protected int _hashCode() {
      return 1;
    }
  }

  /** As Bitbucket Branch Source's PullRequestSCMRevision names its head. */
  public static final class WithPull extends ChangeRequestSCMRevision<Head> {
    private static final long serialVersionUID = 1L;

    WithPull() {
      super(HEAD, TARGET_REVISION);
    }

    public SCMRevision getPull() {
      return new AbstractGitSCMSource.SCMRevisionImpl(HEAD, PULL);
    }

    @Override
    public boolean equivalent(ChangeRequestSCMRevision<?> revision) {
      return revision == this;
    }

    @Override
    protected int _hashCode() {
      return 2;
    }
  }

  /** As GitLab's MergeRequestSCMRevision and Gitea's PullRequestSCMRevision name their head. */
  public static final class WithOrigin extends ChangeRequestSCMRevision<Head> {
    private static final long serialVersionUID = 1L;

    WithOrigin() {
      super(HEAD, TARGET_REVISION);
    }

    public SCMRevision getOrigin() {
      return new AbstractGitSCMSource.SCMRevisionImpl(new SCMHead("feature"), PULL);
    }

    @Override
    public boolean equivalent(ChangeRequestSCMRevision<?> revision) {
      return revision == this;
    }

    @Override
    protected int _hashCode() {
      return 3;
    }
  }

  @Test
  void aGitRevision_namesItsCommit() {
    assertEquals(PULL, HeadCommit.of(new AbstractGitSCMSource.SCMRevisionImpl(HEAD, PULL)));
  }

  @Test
  void aChangeRequestRevision_namesItsHeadByTheSourcesOwnAccessor() {
    assertEquals(PULL, HeadCommit.of(new WithPullHash(PULL)));
    assertEquals(PULL, HeadCommit.of(new WithPull()));
    assertEquals(PULL, HeadCommit.of(new WithOrigin()));
  }

  @Test
  void aRevisionThatNamesNoCommit_givesNone() {
    assertNull(HeadCommit.of(new WithPullHash("main")), "a name is no commit id");
    assertNull(HeadCommit.of(new WithPullHash(null)));
    assertNull(HeadCommit.of(null));
  }
}
