package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.plugins.git.GitSCM;
import hudson.plugins.git.UserRemoteConfig;
import hudson.scm.SCM;
import io.jenkins.plugins.parallelagents.push.PullRequestOrigin;
import io.jenkins.plugins.parallelagents.push.PushRemote;
import io.jenkins.plugins.parallelagents.trust.RevisionFiles;
import io.jenkins.plugins.parallelagents.trust.TrustedPlan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.scm.api.SCMFile;
import jenkins.scm.api.SCMFileSystem;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.SCMHeadOrigin;
import jenkins.scm.api.SCMRevision;
import jenkins.scm.api.SCMRevisionAction;
import jenkins.scm.api.SCMSource;
import jenkins.scm.api.mixin.ChangeRequestSCMHead;
import jenkins.scm.api.mixin.ChangeRequestSCMHead2;
import jenkins.scm.api.mixin.ChangeRequestSCMRevision;
import org.jenkinsci.plugins.workflow.cps.CpsScmFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;

/**
 * What the build's SCM source says about the revision being built, as Jenkins' {@code readTrusted}
 * step reads it: the trusted revision of a pull request, whether it comes from a fork, its head
 * commit, and the remotes the job is configured with. Read on the controller, never from a
 * workspace.
 */
final class BuildScm {

  private final Run<?, ?> run;
  private final SCMSource source;
  private final SCMHead head;
  private final SCMRevision revision;

  private BuildScm(Run<?, ?> run, SCMSource source, SCMHead head, SCMRevision revision) {
    this.run = run;
    this.source = source;
    this.head = head;
    this.revision = revision;
  }

  static BuildScm of(Run<?, ?> run) {
    Job<?, ?> job = run.getParent();
    SCMSource source = SCMSource.SourceByItem.findSource(job);
    SCMHead head = SCMHead.HeadByItem.findHead(job);
    SCMRevision revision = source == null ? null : SCMRevisionAction.getRevision(source, run);
    return new BuildScm(run, source, head, revision);
  }

  /**
   * Where the build's pull request comes from: a fork unless the build's SCM head is a change
   * request whose origin is the job's own repository. A head that is no change request (a {@code
   * CHANGE_ID} set by hand), or one that does not describe its origin, is {@code UNKNOWN},
   * which publishing treats as a fork.
   */
  PullRequestOrigin origin() {
    // Only ChangeRequestSCMHead2 describes its origin: any other head reports the default origin
    // (SCMHead#getOrigin) whether or not it comes from a fork.
    if (!(head instanceof ChangeRequestSCMHead2)) {
      return PullRequestOrigin.UNKNOWN;
    }
    return SCMHeadOrigin.DEFAULT.equals(head.getOrigin())
        ? PullRequestOrigin.SAME_REPOSITORY
        : PullRequestOrigin.FORK;
  }

  /**
   * The pull request's head commit, when the build's revision names one; else null (the commit
   * checked out is then the base, see {@link
   * io.jenkins.plugins.parallelagents.distributed.RunStart}).
   */
  String pullRequestHead() {
    return HeadCommit.of(revision);
  }

  /** The name of the branch a pull request is for, for messages. */
  String targetName() {
    return head instanceof ChangeRequestSCMHead change ? change.getTarget().getName() : null;
  }

  /**
   * The plan as the trusted revision holds it, or null when the build's own revision is trusted.
   * Without {@code trustPlanChanges} that is the pull request's target revision, whoever opened it;
   * with it, the revision the source's trust settings choose ({@link
   * SCMSource#getTrustedRevision}): the pull request's own for trusted contributors.
   */
  TrustedPlan trustedPlan(String file, boolean trustPlanChanges, TaskListener listener)
      throws IOException, InterruptedException {
    if (source == null || head == null || revision == null) {
      throw new AbortException(
          "this pull request build has no SCM source revision to read the trusted plan from; run"
              + " it as a multibranch Pipeline job");
    }
    SCMRevision trusted =
        !trustPlanChanges && revision instanceof ChangeRequestSCMRevision<?> change
            ? change.getTarget()
            : source.getTrustedRevision(revision, listener);
    if (trusted.equals(revision)) {
      return null;
    }
    try (SCMFileSystem files = SCMFileSystem.of(source, head, trusted)) {
      if (files == null) {
        throw new AbortException(
            "cannot read "
                + file
                + " at the trusted revision "
                + trusted
                + ": this SCM source offers no lightweight checkout");
      }
      return TrustedPlan.read(file, revisionFiles(files));
    }
  }

  /**
   * The files of {@code trusted} that the build's own revision holds otherwise, read through the
   * SCM source as the trusted side is. Never from the workspace: it is reused between builds, and
   * an earlier build's agents could have left its repository showing other content for the pull
   * request's commit ({@code refs/replace}, alternates, rewritten objects or config) than what
   * every other node checks out and runs.
   */
  List<String> changesIn(TrustedPlan trusted) throws IOException, InterruptedException {
    try (SCMFileSystem files = SCMFileSystem.of(source, head, revision)) {
      if (files == null) {
        throw new AbortException(
            "cannot read the pull request's revision "
                + revision
                + " through the SCM source to compare its plan with the trusted one: this SCM"
                + " source offers no lightweight checkout");
      }
      return trusted.changesIn(revisionFiles(files));
    }
  }

  private static RevisionFiles revisionFiles(SCMFileSystem files) {
    return path -> {
      SCMFile file = files.child(path);
      try {
        if (file.getType() == SCMFile.Type.NONEXISTENT) {
          return Optional.empty();
        }
        return Optional.of(file.contentAsBytes());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading " + path, e);
      }
    };
  }

  /**
   * The git remotes of the job's configuration: the branch's SCM as the source builds it, else the
   * git checkouts this build's Jenkinsfile made.
   */
  List<PushRemote> remotes() {
    return remotes(scms());
  }

  /** The credential the job's configuration gives the remote {@code name}, or null. */
  String credentialsIdOf(String name) {
    for (UserRemoteConfig config : configs()) {
      if (new PushRemote(config.getName(), config.getUrl()).name().equals(name)) {
        return config.getCredentialsId();
      }
    }
    return null;
  }

  /**
   * The git installation the job's git configuration names, or null for the default one; the push
   * runs the same git as the checkout.
   */
  String gitTool() {
    for (SCM scm : scms()) {
      if (scm instanceof GitSCM git && git.getGitTool() != null) {
        return git.getGitTool();
      }
    }
    return null;
  }

  /**
   * The git remotes a job's configuration gives, for a page about the job rather than a build: its
   * branch's SCM as the source builds it, else the SCM its Pipeline script is read from, else the
   * git checkouts its last build made.
   */
  static List<PushRemote> remotesOf(Item item) {
    List<SCM> scms = new ArrayList<>();
    SCMSource source = SCMSource.SourceByItem.findSource(item);
    SCMHead head = SCMHead.HeadByItem.findHead(item);
    if (source != null && head != null) {
      scms.add(source.build(head));
    } else if (item instanceof WorkflowJob job) {
      if (job.getDefinition() instanceof CpsScmFlowDefinition definition) {
        scms.add(definition.getScm());
      }
      WorkflowRun last = job.getLastBuild();
      if (last != null) {
        scms.addAll(last.getSCMs());
      }
    }
    return remotes(scms);
  }

  private static List<PushRemote> remotes(List<SCM> scms) {
    return configs(scms).stream().map(c -> new PushRemote(c.getName(), c.getUrl())).toList();
  }

  private List<UserRemoteConfig> configs() {
    return configs(scms());
  }

  private static List<UserRemoteConfig> configs(List<SCM> scms) {
    List<UserRemoteConfig> configs = new ArrayList<>();
    for (SCM scm : scms) {
      if (scm instanceof GitSCM git) {
        configs.addAll(git.getUserRemoteConfigs());
      }
    }
    return configs;
  }

  private List<SCM> scms() {
    List<SCM> scms = new ArrayList<>();
    if (source != null && head != null) {
      scms.add(source.build(head, revision));
    } else if (run instanceof WorkflowRun workflow) {
      scms.addAll(workflow.getSCMs());
    }
    return scms;
  }
}
