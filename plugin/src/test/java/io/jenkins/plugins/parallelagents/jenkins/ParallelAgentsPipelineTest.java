package io.jenkins.plugins.parallelagents.jenkins;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import hudson.tasks.junit.TestResultAction;
import io.jenkins.plugins.parallelagents.jenkins.action.ParallelAgentsAction;
import io.jenkins.plugins.parallelagents.jenkins.action.TaskRow;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.actions.LabelAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.nodes.StepStartNode;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.StageStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Whole runs of agent plans in real Pipelines: a sample git repository with a bare origin, agent
 * nodes that clone it, scripted agents that write one file per task, and the combined branch
 * checked on the origin afterwards.
 *
 * <p>A build that waits for ever (a node that never comes, a task whose needs never finish) fails
 * its test after the timeout instead of hanging the suite.
 */
@WithJenkins
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ParallelAgentsPipelineTest {

  /** Copies each build's log to the test output, so that a failure shows what the build did. */
  @RegisterExtension static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

  @TempDir Path temp;

  private JenkinsRule j;

  @BeforeEach
  void setUp(JenkinsRule rule) {
    this.j = rule;
  }

  @Test
  void foundationAndThreeParallelTasksOnTwoNodesArePublishedAsOneTestedBranch() throws Exception {
    SampleRepository repo = SampleRepository.create(temp, SamplePlans.FEATURE);
    DumbSlave agents = j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
    DumbSlave big = j.createOnlineSlave(Label.get(SamplePlans.BIG), repo.nodeEnvironment());
    WorkflowJob job =
        pipeline(
            "feature",
            """
            parallelAgents(plan: 'agents-plan.yaml', label: 'agents', checkout: %s)
            """
                .formatted(repo.checkoutClosure()));

    WorkflowRun run = j.buildAndAssertSuccess(job);

    // Each task's file names the node it ran on: 'worker' asked for the node labelled 'big'.
    assertEquals("schema on " + agents.getNodeName(), repo.show("agents/feature", "schema.txt"));
    assertEquals("api on " + agents.getNodeName(), repo.show("agents/feature", "api.txt"));
    assertEquals("worker on " + big.getNodeName(), repo.show("agents/feature", "worker.txt"));
    assertEquals("page on " + agents.getNodeName(), repo.show("agents/feature", "page.txt"));
    assertThat(
        stageNames(run), hasItems("Plan", "schema", "api", "worker", "page", "Merge & Test"));

    ParallelAgentsAction action = run.getAction(ParallelAgentsAction.class);
    assertNotNull(action, "the build has the run's action");
    assertEquals("SUCCEEDED", action.getStatus());
    assertEquals("agents/feature", action.getTarget());
    List<TaskRow> tasks = action.getTasks();
    assertThat(
        tasks.stream().map(TaskRow::getId).toList(),
        containsInAnyOrder("schema", "api", "worker", "page"));
    assertThat(tasks.stream().map(TaskRow::getStatus).toList(), everyItem(is("SUCCEEDED")));

    // junit.xml: one case per task, plus merge and test.
    TestResultAction tests = run.getAction(TestResultAction.class);
    assertNotNull(tests, "junit.xml was recorded");
    assertEquals(6, tests.getTotalCount());
    assertEquals(0, tests.getFailCount());
    String reports = ".parallel-agents/runs/" + action.getRunId() + "/";
    assertThat(artifacts(run), hasItems(reports + "report.json", reports + "junit.xml"));
    j.assertLogContains("to origin agents/feature", run);
  }

  @Test
  void theBlockIsTheAgentOfEveryTask() throws Exception {
    SampleRepository repo = SampleRepository.create(temp, SamplePlans.BLOCK);
    j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
    WorkflowJob job =
        pipeline(
            "block",
            """
            parallelAgents(plan: 'agents-plan.yaml', label: 'agents', checkout: %s) { task ->
              sh 'echo "$AGENT_TASK_ID" > "$AGENT_TASK_ID.txt"'
            }
            """
                .formatted(repo.checkoutClosure()));

    WorkflowRun run = j.buildAndAssertSuccess(job);

    for (String id : List.of("api", "worker", "page")) {
      assertEquals(id, repo.show("agents/block", id + ".txt"), id + ".txt on the target");
      j.assertLogContains("[" + id + "] agent block in ", run);
    }
    assertEquals("SUCCEEDED", run.getAction(ParallelAgentsAction.class).getStatus());
  }

  @Test
  void twoTasksWritingTheSameFileFailTheMergeAndNothingIsPublished() throws Exception {
    SampleRepository repo = SampleRepository.create(temp, SamplePlans.CONFLICT);
    j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
    WorkflowJob job =
        pipeline(
            "conflict",
            """
            parallelAgents(plan: 'agents-plan.yaml', label: 'agents', checkout: %s)
            """
                .formatted(repo.checkoutClosure()));

    WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

    // Tasks merge in file order: 'left' goes in, then 'right' meets its change.
    j.assertLogContains(
        "merge CONFLICT: merging 'right' conflicts in shared.txt (also changed by left)", run);
    assertFalse(repo.hasBranch("agents/conflict"), "nothing was pushed to the target");
    ParallelAgentsAction action = run.getAction(ParallelAgentsAction.class);
    assertEquals("FAILED", action.getStatus());
    assertEquals(
        "merge CONFLICT: merging 'right' conflicts in shared.txt (also changed by left)",
        action.getReason());
    // Both tasks did their work; only combining it failed.
    assertThat(
        action.getTasks().stream().map(TaskRow::getStatus).toList(),
        contains("SUCCEEDED", "SUCCEEDED"));
    // The report of the failed run is archived all the same.
    assertThat(
        artifacts(run),
        hasItem(".parallel-agents/runs/" + action.getRunId() + "/report.json"));
  }

  @Test
  void aBadPlanFailsTheBuildWithEveryProblemAtItsLineAndColumn() throws Exception {
    SampleRepository repo = SampleRepository.create(temp, SamplePlans.BAD);
    j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
    WorkflowJob job =
        pipeline(
            "bad-plan",
            """
            parallelAgents(plan: 'agents-plan.yaml', label: 'agents', checkout: %s)
            """
                .formatted(repo.checkoutClosure()));

    WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

    j.assertLogContains("the plan is not valid:", run);
    for (String problem : SamplePlans.BAD_PROBLEMS) {
      j.assertLogContains(problem, run);
    }
    assertNull(run.getAction(ParallelAgentsAction.class), "no run was started");
    assertThat(stageNames(run), contains("Plan"));
  }

  @Test
  void theStepsWorkOnTheirOwnInAScriptedPipeline() throws Exception {
    SampleRepository repo = SampleRepository.create(temp, SamplePlans.STEPS);
    j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
    j.createOnlineSlave(Label.get(SamplePlans.BIG), repo.nodeEnvironment());
    WorkflowJob job =
        pipeline(
            "steps",
            """
            def checkOut = %s
            def plan
            node('agents') {
              checkOut()
              plan = readAgentPlan(file: 'agents-plan.yaml')
              echo "run ${plan.runId} to ${plan.target}, tasks ${plan.fanOut}"
              def api = agentTask(task: 'api') {
                sh 'echo "$AGENT_TASK_ID" > "$AGENT_TASK_ID.txt"'
              }
              echo "api ${api.status}: ${api.changedFiles}"
              stash name: 'api', includes: ".parallel-agents/handoff/${plan.runId}/api/**"
            }
            node('big') {
              checkOut()
              unstash 'api'
              def web = planAgentTask(task: 'web')
              echo "web ${web.status}: ${web.changedFiles}"
              stash name: 'web', includes: ".parallel-agents/handoff/${plan.runId}/web/**"
            }
            node('agents') {
              checkOut()
              unstash 'api'
              unstash 'web'
              def merged = mergeAgentBranches()
              def published = publishAgentBranch()
              echo "merge ${merged.merge}, test ${merged.test}, publish ${published.status} to ${published.branch}"
            }
            """
                .formatted(repo.checkoutClosure()));

    WorkflowRun run = j.buildAndAssertSuccess(job);

    j.assertLogContains("tasks [api, web]", run);
    j.assertLogContains("api SUCCEEDED: [api.txt]", run);
    j.assertLogContains("web SUCCEEDED: [web.txt]", run);
    j.assertLogContains("merge MERGED, test PASSED, publish PUSHED to agents/steps", run);
    assertEquals("api", repo.show("agents/steps", "api.txt"));
    assertEquals("web", repo.show("agents/steps", "web.txt"));
    assertEquals("SUCCEEDED", run.getAction(ParallelAgentsAction.class).getStatus());
  }

  @Test
  void eachBuildEndsByRemovingTheRunsTheRetentionLetsGoFromItsNodes() throws Exception {
    SampleRepository repo = SampleRepository.create(temp, SamplePlans.RETENTION);
    DumbSlave agents = j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
    WorkflowJob job =
        pipeline(
            "retention",
            """
            parallelAgents(plan: 'agents-plan.yaml', label: 'agents', checkout: %s) { task ->
              sh 'echo "$AGENT_RUN_ID" > "$AGENT_TASK_ID.txt"'
            }
            """
                .formatted(repo.checkoutClosure()));

    WorkflowRun first = j.buildAndAssertSuccess(job);
    WorkflowRun second = j.buildAndAssertSuccess(job);
    WorkflowRun third = j.buildAndAssertSuccess(job);

    j.assertLogNotContains("removed run", first);
    j.assertLogContains("[parallel agents] removed run retention-1 from ", second);
    j.assertLogContains("[parallel agents] removed run retention-2 from ", third);
    FilePath workspace = agents.getWorkspaceFor(job);
    assertNotNull(workspace, "the job has a workspace on the node");
    for (String folder : List.of("runs", "handoff")) {
      assertThat(
          workspace.child(".parallel-agents").child(folder).listDirectories().stream()
              .map(FilePath::getName)
              .toList(),
          contains("retention-3"));
    }
    // The runs' branches went with them. Each build replaced the target (publish.force), so the
    // older runs' work is in no published branch any more and was kept aside first.
    String refs = repo.git(Path.of(workspace.getRemote()), "for-each-ref", "--format=%(refname)");
    assertFalse(refs.contains("refs/heads/agents/retention-1/"), refs);
    assertFalse(refs.contains("refs/heads/agents/retention-2/"), refs);
    assertTrue(refs.contains("refs/parallel-agents/snapshots/retention-2/api"), refs);
    j.assertLogContains("its unpublished work is kept as refs/parallel-agents/snapshots/", third);
    assertEquals("retention-3", repo.show("agents/retention", "api.txt"));
  }

  private WorkflowJob pipeline(String name, String script) throws Exception {
    WorkflowJob job = j.createProject(WorkflowJob.class, name);
    job.setDefinition(new CpsFlowDefinition(script, true));
    return job;
  }

  /** The names of the build's {@code stage} blocks, from its flow graph. */
  private static List<String> stageNames(WorkflowRun run) {
    return new DepthFirstScanner()
        .filteredNodes(run.getExecution(), ParallelAgentsPipelineTest::isStageBody).stream()
            .map(node -> node.getPersistentAction(LabelAction.class).getDisplayName())
            .toList();
  }

  /** A stage's body: it carries the stage's name as a {@link LabelAction}. */
  private static boolean isStageBody(FlowNode node) {
    return node instanceof StepStartNode start
        && start.isBody()
        && start.getDescriptor() instanceof StageStep.DescriptorImpl
        && node.getPersistentAction(LabelAction.class) != null;
  }

  private static List<String> artifacts(WorkflowRun run) {
    return run.getArtifacts().stream().map(artifact -> artifact.relativePath).toList();
  }
}
