package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.AbortException;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.plugins.git.GitSCM;
import hudson.plugins.git.UserRemoteConfig;
import hudson.scm.SCM;
import io.jenkins.plugins.parallelagents.push.PushRemote;
import io.jenkins.plugins.parallelagents.trust.RevisionFiles;
import io.jenkins.plugins.parallelagents.trust.TrustedPlan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.plugins.git.AbstractGitSCMSource;
import jenkins.scm.api.SCMFile;
import jenkins.scm.api.SCMFileSystem;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.SCMHeadOrigin;
import jenkins.scm.api.SCMRevision;
import jenkins.scm.api.SCMRevisionAction;
import jenkins.scm.api.SCMSource;
import jenkins.scm.api.mixin.ChangeRequestSCMHead;
import jenkins.scm.api.mixin.ChangeRequestSCMRevision;
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

  /** Whether the build is of a pull request that comes from another repository than the job's. */
  boolean fromFork() {
    return head instanceof ChangeRequestSCMHead && !SCMHeadOrigin.DEFAULT.equals(head.getOrigin());
  }

  /** The pull request's head commit, when the source's revision names it; else null. */
  String pullRequestHead() {
    return revision instanceof AbstractGitSCMSource.SCMRevisionImpl git ? git.getHash() : null;
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
    return configs().stream().map(c -> new PushRemote(c.getName(), c.getUrl())).toList();
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

  private List<UserRemoteConfig> configs() {
    List<SCM> scms = new ArrayList<>();
    if (source != null && head != null) {
      scms.add(source.build(head, revision));
    } else if (run instanceof WorkflowRun workflow) {
      scms.addAll(workflow.getSCMs());
    }
    List<UserRemoteConfig> configs = new ArrayList<>();
    for (SCM scm : scms) {
      if (scm instanceof GitSCM git) {
        configs.addAll(git.getUserRemoteConfigs());
      }
    }
    return configs;
  }
}
