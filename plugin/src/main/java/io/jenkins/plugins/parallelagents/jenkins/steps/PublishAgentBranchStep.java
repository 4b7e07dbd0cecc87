package io.jenkins.plugins.parallelagents.jenkins.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.queue.Tasks;
import hudson.plugins.git.GitException;
import hudson.plugins.git.GitTool;
import hudson.plugins.git.util.GitUtils;
import hudson.security.ACL;
import hudson.slaves.WorkspaceList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.parallelagents.distributed.PublishRequest;
import io.jenkins.plugins.parallelagents.jenkins.action.ParallelAgentsAction;
import io.jenkins.plugins.parallelagents.push.PullRequestPublishing;
import io.jenkins.plugins.parallelagents.push.PushEnvironment;
import io.jenkins.plugins.parallelagents.push.PushException;
import io.jenkins.plugins.parallelagents.push.PushRemote;
import io.jenkins.plugins.parallelagents.push.PushUrl;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jenkins.model.Jenkins;
import org.eclipse.jgit.transport.URIish;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.gitclient.Git;
import org.jenkinsci.plugins.gitclient.GitClient;
import org.jenkinsci.plugins.gitclient.GitURIRequirementsBuilder;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * Publishes the merged and tested result to the target branch: pushed to the URL the job's SCM
 * configuration gives the plan's {@code publish.remote}, from a fresh repository, through
 * git-client with a Jenkins credential; a pull request only when asked, never one from a fork;
 * never forced over a target that holds other work unless the plan says {@code force: true}; or,
 * with no remote, the checkout's own branch. Records the outcome in the reports; fails the build
 * when nothing could be published.
 */
public final class PublishAgentBranchStep extends Step {

  private String credentialsId;
  private boolean publishPullRequests;

  @DataBoundConstructor
  public PublishAgentBranchStep() {}

  public String getCredentialsId() {
    return credentialsId;
  }

  /** The credential to push with; none uses what the node's git already has. */
  @DataBoundSetter
  public void setCredentialsId(String credentialsId) {
    this.credentialsId = credentialsId == null || credentialsId.isBlank() ? null : credentialsId;
  }

  public boolean isPublishPullRequests() {
    return publishPullRequests;
  }

  /** Whether a pull request build (never one from a fork) pushes its result. */
  @DataBoundSetter
  public void setPublishPullRequests(boolean publishPullRequests) {
    this.publishPullRequests = publishPullRequests;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, credentialsId, publishPullRequests);
  }

  static final class Execution
      extends SynchronousNonBlockingStepExecution<LinkedHashMap<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final String credentialsId;
    private final boolean publishPullRequests;

    Execution(StepContext context, String credentialsId, boolean publishPullRequests) {
      super(context);
      this.credentialsId = credentialsId;
      this.publishPullRequests = publishPullRequests;
    }

    @Override
    protected LinkedHashMap<String, Object> run() throws Exception {
      StepContext context = getContext();
      FilePath workspace = context.get(FilePath.class);
      Run<?, ?> run = context.get(Run.class);
      ParallelAgentsAction action = ParallelAgentsAction.of(run);
      NodeSpec spec = NodeSpec.of(action, workspace);
      NodeEnvironment environment = new NodeEnvironment(context.get(EnvVars.class));
      // What to publish comes from the report the controller kept when mergeAgentBranches
      // returned, never from the workspace's report.json: anything that ran in the workspace
      // since (a later step, a process an agent left behind) could have rewritten that file.
      RunReport merged = action.report();
      if (merged == null) {
        throw new AbortException(
            "this build has merged nothing to publish: call mergeAgentBranches on this node first");
      }
      PublishReport earlier = merged.publish();
      if (earlier.status().published()) {
        // An earlier try of this stage published, then a restart hit a later step: not again.
        context
            .get(TaskListener.class)
            .getLogger()
            .println("Already published " + earlier.commit() + " to " + earlier.branch());
        return result(earlier.status(), earlier.remote(), earlier.branch(), earlier.commit());
      }
      PublishRequest request = PublishRequest.of(merged, action.plan(), action.start());
      if (!request.allowed()) {
        throw new AbortException(request.refusal());
      }
      String kept = new ReportJson().toJson(merged);
      BuildScm scm = BuildScm.of(run);
      String changeId = context.get(EnvVars.class).get("CHANGE_ID");
      Optional<String> refusal =
          PullRequestPublishing.refusal(changeId, scm.origin(), publishPullRequests);
      if (refusal.isPresent()) {
        action.reportWritten(
            workspace.act(new PushCalls.Withhold(spec, environment, kept, refusal.get())));
        ArchiveMasking.run(context, action.getRunId());
        context.get(TaskListener.class).getLogger().println("Not published: " + refusal.get());
        markPartial(action, run);
        return result(PublishStatus.SKIPPED, request.remote(), request.branch(), request.commit());
      }
      long t0 = System.nanoTime();
      PublishReport published =
          request.remote() == null
              ? Wire.read(
                  workspace.act(
                      new MergeCalls.PublishLocally(spec, environment, Wire.write(request))),
                  PublishReport.class)
              : push(request, workspace, run, scm);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      action.reportWritten(
          workspace.act(new PushCalls.Record(spec, environment, kept, Wire.write(published), ms)));
      // The final reports are archived after this step: masked as the merge's were.
      ArchiveMasking.run(context, action.getRunId());
      if (!published.status().published()) {
        throw new AbortException(published.reason());
      }
      context
          .get(TaskListener.class)
          .getLogger()
          .println(
              "Published "
                  + published.commit()
                  + " to "
                  + (published.remote() == null ? "" : published.remote() + " ")
                  + published.branch());
      markPartial(action, run);
      return result(published.status(), published.remote(), published.branch(), published.commit());
    }

    /**
     * Some tasks are not in the result: the build is red, as the CLI's exit code is, but the steps
     * after this one (archiving the reports) still run.
     */
    private void markPartial(ParallelAgentsAction action, Run<?, ?> run) throws Exception {
      RunReport ended = action.report();
      if (ended != null && ended.run().status() == RunStatus.PARTIAL) {
        getContext()
            .get(TaskListener.class)
            .getLogger()
            .println("PARTIAL: " + ended.run().reason());
        run.setResult(Result.FAILURE);
      }
    }

    private static LinkedHashMap<String, Object> result(
        PublishStatus status, String remote, String branch, String commit) {
      LinkedHashMap<String, Object> result = new LinkedHashMap<>();
      result.put("status", status.name());
      result.put("remote", remote);
      result.put("branch", branch);
      result.put("commit", commit);
      return result;
    }

    /**
     * Pushes from a fresh repository beside the workspace, to the URL the job's SCM configuration
     * gives the plan's remote, with the credential bound for that URL: nothing in the workspace
     * (its git config, hooks, or what its commands left in the user's global config) takes part.
     * The commit is named by its id, which the node checks its repository holds: the workspace's
     * integration branch, which anything could have moved, is not read.
     */
    private PublishReport push(
        PublishRequest request, FilePath workspace, Run<?, ?> run, BuildScm scm) throws Exception {
      StepContext context = getContext();
      TaskListener listener = context.get(TaskListener.class);
      String url;
      try {
        url = PushUrl.select(scm.remotes(), request.remote());
      } catch (PushException e) {
        throw new AbortException(e.getMessage());
      }
      String credential =
          credentialsId != null ? credentialsId : scm.credentialsIdOf(request.remote());
      FilePath scratch = WorkspaceList.tempDir(workspace);
      if (scratch == null) {
        throw new AbortException("no temporary folder beside the workspace " + workspace);
      }
      EnvVars host = context.get(EnvVars.class);
      PushCalls.Staged staged =
          workspace.act(
              new PushCalls.Stage(new HashMap<>(host), request.commit(), scratch.getRemote()));
      FilePath repository = new FilePath(workspace.getChannel(), staged.repository());
      try {
        EnvVars environment = new EnvVars();
        // Blank values remove what the node's own process environment would pass on.
        for (String name : PushEnvironment.REMOVED) {
          environment.put(name, "");
        }
        environment.putAll(staged.environment());
        StandardCredentials credentials = credential == null ? null : credentials(credential, url);
        if (credentials != null) {
          // The credential's key file is named in the environment ssh runs with: a ProxyCommand
          // in the node user's ~/.ssh/config, which the agents could write, must not see it.
          environment.putAll(staged.sshWithoutUserConfig());
        }
        GitClient git =
            Git.with(listener, environment)
                .in(repository)
                .using(gitExe(scm, workspace, host, listener))
                .getClient();
        URIish uri = new URIish(url);
        if (credentials != null) {
          CredentialsProvider.track(run, credentials);
          git.addCredentials(url, credentials);
        }
        git.push()
            .to(uri)
            .ref(request.commit() + ":refs/heads/" + request.branch())
            .force(request.force())
            .execute();
        return request.pushed();
      } catch (GitException e) {
        return request.failed(e.getMessage());
      } catch (URISyntaxException e) {
        throw new AbortException("remote '" + request.remote() + "' has a bad URL: " + url);
      } finally {
        repository.deleteRecursive();
      }
    }

    /** The credential {@code id}, if it may be used for {@code url} by this build. */
    private StandardCredentials credentials(String id, String url) throws Exception {
      StandardCredentials credentials =
          CredentialsProvider.findCredentialById(
              id,
              StandardCredentials.class,
              getContext().get(Run.class),
              GitURIRequirementsBuilder.fromUri(url).build());
      if (credentials == null) {
        throw new AbortException(
            "no credentials with id '"
                + id
                + "' are available to this build for the push URL (check the credential's domain)");
      }
      return credentials;
    }

    /** The git the job's git configuration names, as installed on the merge node. */
    private static String gitExe(
        BuildScm scm, FilePath workspace, EnvVars host, TaskListener listener) {
      GitTool tool =
          GitUtils.resolveGitTool(
              scm.gitTool(), GitUtils.workspaceToNode(workspace), host, listener);
      String exe = tool == null ? null : tool.getGitExe();
      return exe == null || exe.isBlank() ? "git" : exe;
    }
  }

  @Extension
  @Symbol("publishAgentBranch")
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return StepContexts.ON_NODE;
    }

    @Override
    public String getFunctionName() {
      return "publishAgentBranch";
    }

    @Override
    public String getDisplayName() {
      return "Publish the combined agent branch";
    }

    /**
     * The credentials this job may use for its push URL (the first remote of its git configuration,
     * when the page knows the job), for the Snippet Generator's drop-down.
     */
    public ListBoxModel doFillCredentialsIdItems(
        @AncestorInPath Item item, @QueryParameter String credentialsId) {
      StandardListBoxModel model = new StandardListBoxModel();
      if (!mayList(item)) {
        return model.includeCurrentValue(credentialsId);
      }
      model.includeEmptyValue();
      if (item != null) {
        model.addAll(usable(item, pushUrl(item)));
      }
      return model.includeCurrentValue(credentialsId);
    }

    /** Warns when the job cannot use {@code value} for its push URL. */
    public FormValidation doCheckCredentialsId(
        @AncestorInPath Item item, @QueryParameter String value) {
      String id = Util.fixEmptyAndTrim(value);
      if (item == null || id == null || !mayList(item)) {
        return FormValidation.ok();
      }
      String url = pushUrl(item);
      for (ListBoxModel.Option option : usable(item, url)) {
        if (id.equals(option.value)) {
          return FormValidation.ok();
        }
      }
      return FormValidation.warning(
          "Cannot find any credentials with id "
              + id
              + (url == null ? "" : " for " + url)
              + " that this job can push with");
    }

    /**
     * The credentials the job, as the user its builds run as, may push to {@code url} with: those
     * whose domain matches it, of a kind the Git client can use.
     */
    private static ListBoxModel usable(Item item, String url) {
      return CredentialsProvider.listCredentialsInItem(
          StandardCredentials.class,
          item,
          item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2,
          GitURIRequirementsBuilder.fromUri(url).build(),
          GitClient.CREDENTIALS_MATCHER);
    }

    private static boolean mayList(Item item) {
      return item == null
          ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
          : item.hasPermission(Item.EXTENDED_READ);
    }

    /** The URL of the first remote of the job's git configuration, or null when it has none. */
    private static String pushUrl(Item item) {
      List<PushRemote> remotes = BuildScm.remotesOf(item);
      return remotes.isEmpty() ? null : remotes.get(0).url();
    }
  }
}
