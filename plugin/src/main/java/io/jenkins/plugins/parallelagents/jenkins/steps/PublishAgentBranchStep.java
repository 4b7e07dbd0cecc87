package io.jenkins.plugins.parallelagents.jenkins.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.plugins.git.GitException;
import hudson.slaves.WorkspaceList;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.parallelagents.distributed.PublishRequest;
import io.jenkins.plugins.parallelagents.jenkins.action.ParallelAgentsAction;
import io.jenkins.plugins.parallelagents.push.PullRequestPublishing;
import io.jenkins.plugins.parallelagents.push.PushEnvironment;
import io.jenkins.plugins.parallelagents.push.PushException;
import io.jenkins.plugins.parallelagents.push.PushUrl;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import jenkins.model.Jenkins;
import org.eclipse.jgit.transport.URIish;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.gitclient.Git;
import org.jenkinsci.plugins.gitclient.GitClient;
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
      PublishRequest request =
          Wire.read(workspace.act(new MergeCalls.Request(spec, environment)), PublishRequest.class);
      if (!request.allowed()) {
        throw new AbortException(request.refusal());
      }
      BuildScm scm = BuildScm.of(run);
      String changeId = context.get(EnvVars.class).get("CHANGE_ID");
      Optional<String> refusal =
          PullRequestPublishing.refusal(
              changeId, changeId != null && scm.fromFork(), publishPullRequests);
      if (refusal.isPresent()) {
        return skipped(request, refusal.get(), spec, environment, workspace, action);
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
          workspace.act(new MergeCalls.Record(spec, environment, Wire.write(published), ms)));
      if (published.status() != PublishStatus.PUSHED
          && published.status() != PublishStatus.UPDATED) {
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
      RunReport ended = action.report();
      if (ended != null && ended.run().status() == RunStatus.PARTIAL) {
        // Some tasks are not in what was published: the build is red, as the CLI's exit code is,
        // but the steps after this one (archiving the reports) still run.
        context.get(TaskListener.class).getLogger().println("PARTIAL: " + ended.run().reason());
        run.setResult(Result.FAILURE);
      }
      LinkedHashMap<String, Object> result = new LinkedHashMap<>();
      result.put("status", published.status().name());
      result.put("remote", published.remote());
      result.put("branch", published.branch());
      result.put("commit", published.commit());
      return result;
    }

    /** A build that may not publish: the reports say why, and the build goes on. */
    private LinkedHashMap<String, Object> skipped(
        PublishRequest request,
        String why,
        NodeSpec spec,
        NodeEnvironment environment,
        FilePath workspace,
        ParallelAgentsAction action)
        throws Exception {
      PublishReport skipped =
          new PublishReport(
              request.remote(), request.branch(), request.commit(), PublishStatus.SKIPPED, why);
      action.reportWritten(
          workspace.act(new MergeCalls.Record(spec, environment, Wire.write(skipped), 0)));
      getContext().get(TaskListener.class).getLogger().println("Not published: " + why);
      LinkedHashMap<String, Object> result = new LinkedHashMap<>();
      result.put("status", PublishStatus.SKIPPED.name());
      result.put("remote", request.remote());
      result.put("branch", request.branch());
      result.put("commit", request.commit());
      return result;
    }

    /**
     * Pushes from a fresh repository beside the workspace, to the URL the job's SCM configuration
     * gives the plan's remote, with the credential bound for that URL: nothing in the workspace
     * (its git config, hooks, or what its commands left in the user's global config) takes part.
     */
    private PublishReport push(
        PublishRequest request, FilePath workspace, Run<?, ?> run, BuildScm scm) throws Exception {
      StepContext context = getContext();
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
        GitClient git =
            Git.with(context.get(TaskListener.class), environment)
                .in(repository)
                .using("git")
                .getClient();
        URIish uri = new URIish(url);
        if (credential != null) {
          StandardCredentials credentials =
              CredentialsProvider.findCredentialById(credential, StandardCredentials.class, run);
          if (credentials == null) {
            throw new AbortException(
                "no credentials with id '" + credential + "' are available to this build");
          }
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

    /** The credentials this job may use, for the Snippet Generator's drop-down. */
    public ListBoxModel doFillCredentialsIdItems(
        @AncestorInPath Item item, @QueryParameter String credentialsId) {
      StandardListBoxModel model = new StandardListBoxModel();
      boolean allowed =
          item == null
              ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
              : item.hasPermission(Item.EXTENDED_READ);
      if (!allowed) {
        return model.includeCurrentValue(credentialsId);
      }
      return model
          .includeEmptyValue()
          .include(item, StandardCredentials.class)
          .includeCurrentValue(credentialsId);
    }
  }
}
